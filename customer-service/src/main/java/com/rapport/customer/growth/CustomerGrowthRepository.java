package com.rapport.customer.growth;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CustomerGrowthRepository extends MongoRepository<CustomerGrowth, String> {
}
