package com.rapport.customer.growth;

import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CustomerGrowthRepository extends MongoRepository<CustomerGrowth, String> {

	List<CustomerGrowth> findByAtRiskTrue();
}
