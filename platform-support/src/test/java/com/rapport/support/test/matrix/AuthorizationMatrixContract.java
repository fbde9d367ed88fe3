package com.rapport.support.test.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import com.rapport.support.grpc.CallTokens;
import com.rapport.support.test.TestJwtRequests;
import io.grpc.BindableService;
import io.grpc.CallOptions;
import io.grpc.ManagedChannel;
import io.grpc.MethodDescriptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.stub.ClientCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

/**
 * Checks a service against its {@link AuthorizationMatrix}: every REST route and gRPC method the running
 * service has must have a row (a new endpoint without one fails the build), every row must still exist,
 * and every caller must get exactly the outcome its cell says. Whatever a customer of organisation B is
 * answered must not contain anything of organisation A ({@link #secretsOfOrganisationA()}).
 *
 * <p>A service's test extends this with {@code @SpringBootTest}, {@code @AutoConfigureMockMvc},
 * {@code @Import(TestTokens.DecoderConfiguration.class)} and the properties
 * {@code rapport.mongodb.embedded.in-memory=true}, {@code spring.grpc.server.port=0},
 * {@code spring.grpc.server.inprocess.name=<name>}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class AuthorizationMatrixContract {

	private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

	@Autowired
	private MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping handlerMapping;

	@Autowired
	private List<BindableService> grpcServices;

	@Value("${spring.grpc.server.inprocess.name}")
	private String inProcessName;

	private ManagedChannel channel;

	private final AuthorizationMatrix matrix = AuthorizationMatrix.load("authorization-matrix.txt");

	/** Creates the records of {@link Caller#ORGANISATION_A} the matrix is probed with. */
	protected abstract void createRecordsOfOrganisationA();

	/** The value for a path variable such as {@code {id}}: an id of one of organisation A's records. */
	protected abstract String pathVariable(String name);

	/** The JSON body for a REST call that takes one (a fresh one each call), else null. */
	protected abstract String restBody(String endpoint);

	/** The request of a gRPC method as protobuf JSON, naming organisation A's records. */
	protected abstract String grpcRequest(String fullMethodName);

	/** Strings found only in organisation A's records. */
	protected abstract List<String> secretsOfOrganisationA();

	@AfterAll
	void closeChannel() {
		if (channel != null) {
			channel.shutdownNow();
		}
	}

	@Test
	void everyRouteAndMethodHasARowAndEveryRowStillExists() {
		Set<String> discovered = discoveredEndpoints();
		assertThat(matrix.rows().keySet()).as("rows in authorization-matrix.txt")
			.containsExactlyInAnyOrderElementsOf(discovered);
	}

	@TestFactory
	Stream<DynamicTest> everyCallerGetsWhatTheMatrixSays() {
		createRecordsOfOrganisationA();
		List<DynamicTest> tests = new ArrayList<>();
		matrix.rows().forEach((endpoint, outcomes) -> {
			for (int i = 0; i < matrix.callers().size(); i++) {
				Caller caller = matrix.callers().get(i);
				String expected = outcomes.get(i);
				tests.add(DynamicTest.dynamicTest(endpoint + " as " + caller.label() + " -> " + expected,
						() -> check(endpoint, caller, expected)));
			}
		});
		return tests.stream();
	}

	private void check(String endpoint, Caller caller, String expected) throws Exception {
		Outcome outcome = endpoint.startsWith("REST ") ? callRest(endpoint, caller) : callGrpc(endpoint, caller);
		assertThat(outcome.code()).as("%s as %s", endpoint, caller.label()).isEqualTo(expected);
		if (caller == Caller.CUSTOMER_B) {
			for (String secret : secretsOfOrganisationA()) {
				assertThat(outcome.body()).as("what %s answers a customer of another organisation", endpoint)
					.doesNotContain(secret);
			}
		}
	}

	private Outcome callRest(String endpoint, Caller caller) throws Exception {
		String[] parts = endpoint.split(" ");
		Matcher matcher = PATH_VARIABLE.matcher(parts[2]);
		StringBuilder uri = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(uri, Matcher.quoteReplacement(pathVariable(matcher.group(1))));
		}
		matcher.appendTail(uri);
		MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(parts[1]), uri.toString());
		String body = restBody(endpoint);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		if (caller.token() != null) {
			request.with(TestJwtRequests.as(caller.token()));
		}
		MvcResult result = mvc.perform(request).andReturn();
		return new Outcome(String.valueOf(result.getResponse().getStatus()), result.getResponse().getContentAsString());
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private Outcome callGrpc(String endpoint, Caller caller) throws Exception {
		String fullMethodName = endpoint.substring("GRPC ".length());
		MethodDescriptor<Message, Message> method = (MethodDescriptor) grpcServices.stream()
			.map(service -> service.bindService().getMethod(fullMethodName))
			.filter(java.util.Objects::nonNull).map(ServerMethodDefinition::getMethodDescriptor).findFirst()
			.orElseThrow();
		Message prototype = ((MethodDescriptor.PrototypeMarshaller<Message>) method.getRequestMarshaller())
			.getMessagePrototype();
		Message.Builder builder = prototype.newBuilderForType();
		JsonFormat.parser().merge(grpcRequest(fullMethodName), builder);
		CallOptions options = CallOptions.DEFAULT.withDeadlineAfter(5, java.util.concurrent.TimeUnit.SECONDS);
		if (caller.token() != null) {
			options = options.withCallCredentials(CallTokens.bearer(caller.token()));
		}
		try {
			if (method.getType() == MethodDescriptor.MethodType.SERVER_STREAMING) {
				// A stream's outcome is its status once every message is read; its body, all of them.
				StringBuilder body = new StringBuilder();
				ClientCalls.blockingServerStreamingCall(channel(), method, options, builder.build())
					.forEachRemaining(message -> body.append(print(message)));
				return new Outcome("OK", body.toString());
			}
			Message response = ClientCalls.blockingUnaryCall(channel(), method, options, builder.build());
			return new Outcome("OK", JsonFormat.printer().print(response));
		}
		catch (StatusRuntimeException ex) {
			return new Outcome(ex.getStatus().getCode().name(), String.valueOf(ex.getStatus().getDescription()));
		}
	}

	private static String print(Message message) {
		try {
			return JsonFormat.printer().print(message);
		}
		catch (com.google.protobuf.InvalidProtocolBufferException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private ManagedChannel channel() {
		if (channel == null) {
			channel = InProcessChannelBuilder.forName(inProcessName).directExecutor().build();
		}
		return channel;
	}

	private Set<String> discoveredEndpoints() {
		Set<String> endpoints = new TreeSet<>();
		handlerMapping.getHandlerMethods().keySet().forEach(info -> {
			for (String pattern : info.getPatternValues()) {
				if (pattern.equals("/error")) {
					continue;
				}
				info.getMethodsCondition().getMethods()
					.forEach(method -> endpoints.add("REST " + method.name() + " " + pattern));
			}
		});
		for (BindableService service : grpcServices) {
			String name = service.bindService().getServiceDescriptor().getName();
			if (name.startsWith("grpc.")) {
				continue; // the standard health and reflection services, open by design
			}
			service.bindService().getMethods()
				.forEach(method -> endpoints.add("GRPC " + method.getMethodDescriptor().getFullMethodName()));
		}
		return endpoints;
	}

	private record Outcome(String code, String body) {
	}
}
