package com.rapport.customer.care;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface HolidayRepository extends MongoRepository<Holiday, String> {

	List<Holiday> findByDateIn(Collection<LocalDate> dates);
}
