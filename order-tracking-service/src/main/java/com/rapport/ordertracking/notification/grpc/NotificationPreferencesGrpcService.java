package com.rapport.ordertracking.notification.grpc;

import java.util.List;

import com.rapport.contracts.ordertracking.v1.GetMyNotificationPreferencesRequest;
import com.rapport.contracts.ordertracking.v1.NotificationPreferences;
import com.rapport.contracts.ordertracking.v1.NotificationPreferencesServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationTopic;
import com.rapport.contracts.ordertracking.v1.UpdateMyNotificationPreferencesRequest;
import com.rapport.ordertracking.notification.PreferenceBook;
import com.rapport.support.security.Caller;
import io.grpc.stub.StreamObserver;

import org.springframework.grpc.server.service.GrpcService;

/** The signed-in contact's own notification preferences (see PreferenceBook). */
@GrpcService
class NotificationPreferencesGrpcService
		extends NotificationPreferencesServiceGrpc.NotificationPreferencesServiceImplBase {

	private static final String TOPIC = "NOTIFICATION_TOPIC_";

	private final PreferenceBook preferences;

	NotificationPreferencesGrpcService(PreferenceBook preferences) {
		this.preferences = preferences;
	}

	@Override
	public void getMyNotificationPreferences(GetMyNotificationPreferencesRequest request,
			StreamObserver<NotificationPreferences> response) {
		response.onNext(toProto(preferences.mine(Caller.current())));
		response.onCompleted();
	}

	@Override
	public void updateMyNotificationPreferences(UpdateMyNotificationPreferencesRequest request,
			StreamObserver<NotificationPreferences> response) {
		// A topic this version does not know (or none named) becomes null, which the book refuses by name.
		List<com.rapport.ordertracking.notification.NotificationTopic> topics = request.getTopicsList().stream()
			.map(NotificationPreferencesGrpcService::topic).toList();
		response.onNext(toProto(preferences.updateMine(Caller.current(), new PreferenceBook.Choice(topics,
				request.getEmail(), request.getSms(), request.getQuietHours(), request.getQuietFrom(),
				request.getQuietUntil()))));
		response.onCompleted();
	}

	private static com.rapport.ordertracking.notification.NotificationTopic topic(NotificationTopic topic) {
		if (topic == NotificationTopic.NOTIFICATION_TOPIC_UNSPECIFIED || topic == NotificationTopic.UNRECOGNIZED) {
			return null;
		}
		return com.rapport.ordertracking.notification.NotificationTopic.valueOf(topic.name().substring(TOPIC.length()));
	}

	private static NotificationPreferences toProto(PreferenceBook.Mine mine) {
		var saved = mine.preferences();
		NotificationPreferences.Builder builder = NotificationPreferences.newBuilder().setEmail(saved.email())
			.setSms(mine.sms()).setSmsAvailable(mine.smsAvailable()).setCustomised(saved.customised())
			.setTimeZone(text(mine.contact().timeZone())).setEmailAddress(text(mine.contact().email()));
		saved.topics().forEach(t -> builder.addTopics(NotificationTopic.valueOf(TOPIC + t.name())));
		if (saved.quietHours() != null) {
			builder.setQuietHours(true).setQuietFrom(saved.quietHours().from())
				.setQuietUntil(saved.quietHours().until());
		}
		return builder.build();
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}
}
