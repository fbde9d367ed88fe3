package com.rapport.customer.loyalty;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface RewardRepository extends MongoRepository<Reward, String> {

	List<Reward> findAllByOrderByPointsCostAscIdAsc();

	List<Reward> findByActiveTrueOrderByPointsCostAscIdAsc();
}
