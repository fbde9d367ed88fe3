package com.rapport.portal.remote;

import com.rapport.contracts.customer.v1.GrowthServiceGrpc;
import com.rapport.contracts.customer.v1.LoyaltyServiceGrpc;
import com.rapport.contracts.customer.v1.ContactServiceGrpc;
import com.rapport.contracts.customer.v1.ContactServiceGrpc.ContactServiceBlockingStub;
import com.rapport.contracts.customer.v1.DataSubjectServiceGrpc;
import com.rapport.contracts.customer.v1.DataSubjectServiceGrpc.DataSubjectServiceBlockingStub;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc;
import com.rapport.contracts.customer.v1.OrganisationServiceGrpc.OrganisationServiceBlockingStub;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc;
import com.rapport.contracts.customer.v1.TimelineServiceGrpc.TimelineServiceBlockingStub;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc;
import com.rapport.contracts.customer.v1.TieringPolicyServiceGrpc.TieringPolicyServiceBlockingStub;
import com.rapport.contracts.feedback.v1.FeedbackFiguresServiceGrpc;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc;
import com.rapport.contracts.feedback.v1.FeedbackServiceGrpc.FeedbackServiceBlockingStub;
import com.rapport.contracts.feedback.v1.MySurveyServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveyAnswerServiceGrpc;
import com.rapport.contracts.feedback.v1.ImprovementServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveySettingsServiceGrpc;
import com.rapport.contracts.feedback.v1.SurveyTemplateServiceGrpc;
import com.rapport.contracts.ordertracking.v1.DeliveryFiguresServiceGrpc;
import com.rapport.contracts.customer.v1.LifecycleFiguresServiceGrpc;
import com.rapport.contracts.ordertracking.v1.IncidentServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationInboxServiceGrpc;
import com.rapport.contracts.ordertracking.v1.NotificationPreferencesServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc;
import com.rapport.contracts.ordertracking.v1.OrderTrackingServiceGrpc.OrderTrackingServiceBlockingStub;
import com.rapport.contracts.ordertracking.v1.WebhookServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketFiguresServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketConversationServiceGrpc.TicketConversationServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketIntakeServiceGrpc.TicketIntakeServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketMailTriageServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketQueueServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketQueueServiceGrpc.TicketQueueServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketServiceGrpc.TicketServiceBlockingStub;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc;
import com.rapport.contracts.ticket.v1.TicketWorkflowServiceGrpc.TicketWorkflowServiceBlockingStub;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.grpc.client.GrpcChannelFactory;

@Configuration(proxyBeanMethods = false)
class RemoteClientsConfiguration {

	@Bean
	SurveyAnswerServiceGrpc.SurveyAnswerServiceBlockingStub surveyAnswerServiceStub(GrpcChannelFactory channels) {
		return SurveyAnswerServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	MySurveyServiceGrpc.MySurveyServiceBlockingStub mySurveyServiceStub(GrpcChannelFactory channels) {
		return MySurveyServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	TicketFiguresServiceGrpc.TicketFiguresServiceBlockingStub ticketFiguresServiceStub(GrpcChannelFactory channels) {
		return TicketFiguresServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	FeedbackFiguresServiceGrpc.FeedbackFiguresServiceBlockingStub feedbackFiguresServiceStub(
			GrpcChannelFactory channels) {
		return FeedbackFiguresServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	ImprovementServiceGrpc.ImprovementServiceBlockingStub improvementServiceStub(GrpcChannelFactory channels) {
		return ImprovementServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	SurveySettingsServiceGrpc.SurveySettingsServiceBlockingStub surveySettingsServiceStub(GrpcChannelFactory channels) {
		return SurveySettingsServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	SurveyTemplateServiceGrpc.SurveyTemplateServiceBlockingStub surveyTemplateServiceStub(GrpcChannelFactory channels) {
		return SurveyTemplateServiceGrpc.newBlockingStub(channels.createChannel(SurveyClient.REMOTE));
	}

	@Bean
	DeliveryFiguresServiceGrpc.DeliveryFiguresServiceBlockingStub deliveryFiguresServiceStub(GrpcChannelFactory channels) {
		return DeliveryFiguresServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	LifecycleFiguresServiceGrpc.LifecycleFiguresServiceBlockingStub lifecycleFiguresServiceStub(GrpcChannelFactory channels) {
		return LifecycleFiguresServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	OrganisationServiceBlockingStub organisationServiceStub(GrpcChannelFactory channels) {
		return OrganisationServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	ContactServiceBlockingStub contactServiceStub(GrpcChannelFactory channels) {
		return ContactServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	TimelineServiceBlockingStub timelineServiceStub(GrpcChannelFactory channels) {
		return TimelineServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	DataSubjectServiceBlockingStub dataSubjectServiceStub(GrpcChannelFactory channels) {
		return DataSubjectServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	TieringPolicyServiceBlockingStub tieringPolicyServiceStub(GrpcChannelFactory channels) {
		return TieringPolicyServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	GrowthServiceGrpc.GrowthServiceBlockingStub growthServiceStub(GrpcChannelFactory channels) {
		return GrowthServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	com.rapport.contracts.customer.v1.ReferralServiceGrpc.ReferralServiceBlockingStub referralServiceStub(
			GrpcChannelFactory channels) {
		return com.rapport.contracts.customer.v1.ReferralServiceGrpc
			.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	LoyaltyServiceGrpc.LoyaltyServiceBlockingStub loyaltyServiceStub(GrpcChannelFactory channels) {
		return LoyaltyServiceGrpc.newBlockingStub(channels.createChannel(CustomerClient.REMOTE));
	}

	@Bean
	OrderTrackingServiceBlockingStub orderTrackingServiceStub(GrpcChannelFactory channels) {
		return OrderTrackingServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	IncidentServiceGrpc.IncidentServiceBlockingStub incidentServiceStub(GrpcChannelFactory channels) {
		return IncidentServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	WebhookServiceGrpc.WebhookServiceBlockingStub webhookServiceStub(GrpcChannelFactory channels) {
		return WebhookServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	NotificationInboxServiceGrpc.NotificationInboxServiceBlockingStub notificationInboxServiceStub(
			GrpcChannelFactory channels) {
		return NotificationInboxServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	NotificationPreferencesServiceGrpc.NotificationPreferencesServiceBlockingStub notificationPreferencesServiceStub(
			GrpcChannelFactory channels) {
		return NotificationPreferencesServiceGrpc.newBlockingStub(channels.createChannel(OrderClient.REMOTE));
	}

	@Bean
	FeedbackServiceBlockingStub feedbackServiceStub(GrpcChannelFactory channels) {
		return FeedbackServiceGrpc.newBlockingStub(channels.createChannel(FeedbackClient.REMOTE));
	}

	@Bean
	TicketServiceBlockingStub ticketServiceStub(GrpcChannelFactory channels) {
		return TicketServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	TicketIntakeServiceBlockingStub ticketIntakeServiceStub(GrpcChannelFactory channels) {
		return TicketIntakeServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	TicketConversationServiceBlockingStub ticketConversationServiceStub(GrpcChannelFactory channels) {
		return TicketConversationServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	com.rapport.contracts.ticket.v1.TicketAttachmentServiceGrpc.TicketAttachmentServiceBlockingStub ticketAttachmentServiceStub(
			GrpcChannelFactory channels) {
		return com.rapport.contracts.ticket.v1.TicketAttachmentServiceGrpc
			.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc.TicketMergeServiceBlockingStub ticketMergeServiceStub(
			GrpcChannelFactory channels) {
		return com.rapport.contracts.ticket.v1.TicketMergeServiceGrpc
			.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	TicketQueueServiceBlockingStub ticketQueueServiceStub(GrpcChannelFactory channels) {
		return TicketQueueServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	TicketMailTriageServiceGrpc.TicketMailTriageServiceBlockingStub ticketMailTriageServiceStub(
			GrpcChannelFactory channels) {
		return TicketMailTriageServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	com.rapport.contracts.ticket.v1.TicketAssignmentServiceGrpc.TicketAssignmentServiceBlockingStub ticketAssignmentServiceStub(
			GrpcChannelFactory channels) {
		return com.rapport.contracts.ticket.v1.TicketAssignmentServiceGrpc
			.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	com.rapport.contracts.ticket.v1.TicketMacroServiceGrpc.TicketMacroServiceBlockingStub ticketMacroServiceStub(
			GrpcChannelFactory channels) {
		return com.rapport.contracts.ticket.v1.TicketMacroServiceGrpc
			.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}

	@Bean
	TicketWorkflowServiceBlockingStub ticketWorkflowServiceStub(GrpcChannelFactory channels) {
		return TicketWorkflowServiceGrpc.newBlockingStub(channels.createChannel(TicketClient.REMOTE));
	}
}
