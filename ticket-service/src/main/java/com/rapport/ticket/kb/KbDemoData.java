package com.rapport.ticket.kb;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.rapport.ticket.ticket.Category;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's knowledge base: a published article in English and Chinese for each ticket category (the flickering
 * lamps of Globex's open request among them, so the portal suggests it for a subject like it) and one draft waiting
 * for a manager. Each is stored unless one with its id is; a failure is logged, never fatal to start-up.
 */
@Component
@ConditionalOnBooleanProperty("rapport.demo-data")
class KbDemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(KbDemoData.class);

	record DemoArticle(String id, Category category, ArticleContent content, boolean published) {
	}

	static final List<DemoArticle> ARTICLES = List.of(
			new DemoArticle("kb-track-delivery", Category.DELIVERY, new ArticleContent(
					"Where is my delivery? Tracking an order and what to do when it is late",
					"我的货到哪里了？如何跟踪订单以及延误时怎么办",
					"Open the order in the portal: its progress shows every milestone with the carrier and the tracking "
							+ "number. When an order is late, its page says why and what we offer (a new date, a partial "
							+ "delivery or a remedy).\n\nIf the promised date has passed and the page says nothing, raise "
							+ "an issue from the order's page: the order number is filled in for you.",
					"在门户中打开订单：进度列出每个节点以及承运商和运单号。订单延误时，订单页面会说明原因以及我们提供的方案（新的日期、"
							+ "部分发货或补偿）。\n\n如果承诺日期已过而页面没有任何说明，请在订单页面上提交问题，订单号会自动填好。"),
					true),
			new DemoArticle("kb-damaged-goods", Category.QUALITY, new ArticleContent(
					"Goods arrived damaged: photos, claims and replacements",
					"货物到达时损坏：照片、索赔与更换",
					"Keep the packaging and take a photo of each damaged item and of the pallet label. Raise a complaint "
							+ "with the photos attached (PDF or pictures, up to 3 MB each). We claim from the plant or the "
							+ "carrier and send a replacement or a credit note, usually within five working days.",
					"请保留包装，为每件受损商品和托盘标签各拍一张照片。提交投诉并附上照片（PDF 或图片，每个文件不超过 3 MB）。我们会向"
							+ "工厂或承运商索赔，并通常在五个工作日内补发或开具贷项通知单。"),
					true),
			new DemoArticle("kb-lamp-flicker", Category.TECHNICAL, new ArticleContent(
					"LED lamps flicker after an hour: check the dimmer and the driver",
					"LED 灯使用一小时后闪烁：检查调光器和驱动器",
					"Flickering that starts after the lamps have warmed up is almost always a dimmer that is not rated "
							+ "for LED loads or a driver running hot. Switch the dimmer to a trailing-edge model, keep at "
							+ "least 10 cm of air around the driver, and check that the load is above the dimmer's minimum. "
							+ "If the lamps still flicker, raise a technical request with the lamp's SKU and batch number.",
					"灯具预热后才开始闪烁，几乎都是调光器不支持 LED 负载或驱动器过热所致。请改用后沿调光器，驱动器周围至少留出 10 厘米"
							+ "的空间，并确认负载高于调光器的最低负载。如果灯仍然闪烁，请提交技术请求并注明灯具的 SKU 和批号。"),
					true),
			new DemoArticle("kb-invoice-questions", Category.BILLING, new ArticleContent(
					"Invoices, due dates and paying in instalments",
					"发票、到期日与分期付款",
					"The portal's Invoices page lists your open invoices with their due dates. If you need more time, "
							+ "tell your account manager the date you will pay or ask for an instalment plan: the reminders "
							+ "pause while a promise or a plan stands.",
					"门户的“发票”页面列出了所有未结发票及其到期日。如果需要更多时间，请告诉您的客户经理付款日期或申请分期付款计划：在"
							+ "承诺或计划有效期间，催款提醒会暂停。"),
					true),
			new DemoArticle("kb-raise-request", Category.QUESTION, new ArticleContent(
					"How to raise a request and when we answer",
					"如何提交请求以及我们何时答复",
					"Choose Raise an issue in the portal's header, pick a category and describe what happened. We confirm "
							+ "at once with the request's number and the time by which we will answer, counted in working "
							+ "hours of our Shanghai office (Monday to Friday, 09:00-18:00, not on public holidays).",
					"在门户页眉中选择“提交问题”，选择类别并描述发生的情况。我们会立即确认，告知请求编号以及答复时限，时限按上海办公室的"
							+ "工作时间计算（周一至周五 09:00-18:00，法定节假日除外）。"),
					true),
			new DemoArticle("kb-customs-delay", Category.DELIVERY, new ArticleContent(
					"Customs holds on imported parts",
					"进口零件的海关滞留",
					"Draft: what a customs hold means for the promised date, and which papers speed it up.",
					"草稿：海关滞留对承诺日期的影响，以及哪些文件可以加快清关。"),
					false));

	private final KnowledgeBase knowledgeBase;

	private final Clock clock;

	KbDemoData(KnowledgeBase knowledgeBase, Clock clock) {
		this.knowledgeBase = knowledgeBase;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			Instant at = clock.instant().minus(Duration.ofDays(30));
			for (DemoArticle article : ARTICLES) {
				if (article.published()) {
					knowledgeBase.storePublishedIfAbsent(article.id(), article.category(), article.content(), at);
				}
				else {
					knowledgeBase.storeDraftIfAbsent(article.id(), article.category(), article.content(), at);
				}
			}
		}
		catch (RuntimeException ex) {
			log.warn("The demo knowledge base could not be loaded", ex);
		}
	}
}
