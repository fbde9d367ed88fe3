package com.rapport.customer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Features reach each other only through their public service classes, never through adapters. */
@AnalyzeClasses(packages = "com.rapport.customer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

	@ArchTest
	static final ArchRule adaptersAreNotUsedByTheDomain = noClasses().that()
		.resideOutsideOfPackages("com.rapport.customer..web..", "com.rapport.customer..grpc..")
		.should().dependOnClassesThat().resideInAnyPackage("com.rapport.customer..web..", "com.rapport.customer..grpc..")
		.because("the domain knows nothing of HTTP or gRPC")
		.allowEmptyShould(true);

	@ArchTest
	static final ArchRule controllersArePackagePrivate = classes().that()
		.areAnnotatedWith(org.springframework.web.bind.annotation.RestController.class)
		.or().areAnnotatedWith(org.springframework.grpc.server.service.GrpcService.class)
		.should().notBePublic();

	@ArchTest
	static final ArchRule domainDoesNotSpeakProtobuf = noClasses().that().resideOutsideOfPackage("com.rapport.customer..grpc..")
		.should().dependOnClassesThat().resideInAPackage("com.rapport.contracts..")
		.because("proto types are translated at the gRPC adapter");
}
