package com.rapport.support.test;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The structure every service keeps (CONVENTIONS.md, items 2 and 5). A service's test applies them with
 * {@code @AnalyzeClasses(packages = "com.rapport.<service>")} and
 * {@code @ArchTest static final ArchTests rules = ArchTests.in(ServiceArchitectureRules.class);}.
 */
public final class ServiceArchitectureRules {

	private ServiceArchitectureRules() {
	}

	@ArchTest
	static final ArchRule theDomainDoesNotUseItsAdapters = noClasses().that()
		.resideOutsideOfPackages("..web..", "..grpc..", "com.rapport.support..")
		.should().dependOnClassesThat().resideInAnyPackage("..web..", "..grpc..")
		.because("the domain knows nothing of HTTP or gRPC")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule protoTypesStayInTheGrpcAdapters = noClasses().that()
		.resideOutsideOfPackages("..grpc..", "com.rapport.contracts..")
		.should().dependOnClassesThat().resideInAPackage("com.rapport.contracts..")
		.because("proto messages are translated to domain types at the gRPC adapter")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule featuresDoNotDependOnEachOtherInACircle = slices().matching("com.rapport.(*).(*)..")
		.should().beFreeOfCycles()
		.because("a feature that needs another's reaction publishes an event instead of calling back");

	@ArchTest
	static final ArchRule adaptersArePackagePrivate = classes().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.or().areAnnotatedWith(org.springframework.grpc.server.service.GrpcService.class)
		.should().notBePublic()
		.allowEmptyShould(true);
}
