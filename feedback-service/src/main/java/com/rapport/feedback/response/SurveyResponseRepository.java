package com.rapport.feedback.response;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.rapport.feedback.sentiment.Sentiment;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface SurveyResponseRepository extends MongoRepository<SurveyResponse, String> {

	/**
	 * Any one answer, to tell an empty store from one with answers: a find of one document, where {@code count()} is an
	 * aggregation the embedded store answers by reading every answer (a million at the benchmark's size, at each start).
	 */
	Optional<SurveyResponse> findFirstBy();

	/** The organisation's latest answer of one kind: the first entry of the index {@code customer_kind_newest}. */
	Optional<SurveyResponse> findFirstByCustomerIdAndKindOrderByAnsweredAtDescIdDesc(String customerId,
			SurveyKind kind);

	/** The partner API's pages, newest first, each read in the order of an index ({@code SurveyResponse}). */
	Page<SurveyResponse> findByCustomerIdAndKindOrderByAnsweredAtDescIdDesc(String customerId, SurveyKind kind,
			Pageable page);

	Page<SurveyResponse> findByCustomerIdOrderByAnsweredAtDescIdDesc(String customerId, Pageable page);

	Page<SurveyResponse> findByKindOrderByAnsweredAtDescIdDesc(SurveyKind kind, Pageable page);

	Page<SurveyResponse> findAllByOrderByAnsweredAtDescIdDesc(Pageable page);

	/** The scores of the organisation's answers of one kind given since {@code from} (inclusive), nothing else. */
	@Query(value = "{'customerId': ?0, 'kind': ?1, 'answeredAt': {'$gte': ?2}}", fields = "{'score': 1, 'kind': 1, 'answeredAt': 1}")
	List<SurveyResponse> findScoresSince(String customerId, SurveyKind kind, Instant from);

	/** Adds the comment and how it reads to an answer that has none yet; answers 1 when it did, 0 otherwise. */
	@Query("{'_id': ?0, 'comment': null}")
	@org.springframework.data.mongodb.repository.Update("{'$set': {'comment': ?1, 'sentiment': ?2}}")
	long addCommentIfNone(String id, String comment, Sentiment sentiment);

	/** The same, with the follow-up the comment asks for, in the same write; 1 when it did, 0 otherwise. */
	@Query("{'_id': ?0, 'comment': null}")
	@org.springframework.data.mongodb.repository.Update("{'$set': {'comment': ?1, 'sentiment': ?2}, '$push': {'followUps': ?3}}")
	long addCommentWithFollowUpIfNone(String id, String comment, Sentiment sentiment, FollowUp followUp);
}
