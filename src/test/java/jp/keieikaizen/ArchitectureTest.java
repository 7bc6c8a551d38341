package jp.keieikaizen;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.data.repository.Repository;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** The structure STYLE.md asks for, checked on every build. */
@AnalyzeClasses(packagesOf = Application.class, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule engineOnlyInProcessAndSecurity = noClasses().that()
      .resideOutsideOfPackages("..process..", "..security..")
      .should().dependOnClassesThat().resideInAPackage("org.camunda..");

  @ArchTest
  static final ArchRule delegatesAreNamedAndLiveInProcess = classes().that().implement(JavaDelegate.class)
      .should().haveSimpleNameEndingWith("Delegate").andShould().resideInAPackage("..process..");

  @ArchTest
  static final ArchRule controllersAndDelegatesNeverCallRepositories = noClasses().that()
      .resideInAnyPackage("..web..", "..process..", "..security..")
      .should().dependOnClassesThat().areAssignableTo(Repository.class);

  @ArchTest
  static final ArchRule noStandardStreams = GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS;

  @ArchTest
  static final ArchRule noCyclesBetweenFeatures = slices().matching(Application.class.getPackageName() + ".(*)..")
      .should().beFreeOfCycles();
}
