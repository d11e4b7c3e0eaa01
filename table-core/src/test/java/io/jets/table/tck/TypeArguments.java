package io.jets.table.tck;

import io.jets.table.TableType;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The arguments of {@link TypesAndModes} and {@link Types}: the types asked for that the factory
 * named by the running test class has, in the order asked for. A test whose tables have none of
 * them fails, so a type filter cannot silently leave a test with no case.
 */
final class TypeArguments implements ArgumentsProvider {

  @Override
  public Stream<? extends Arguments> provideArguments(
      ParameterDeclarations parameters, ExtensionContext context) {
    Method method = context.getRequiredTestMethod();
    Set<TableType> available = TableFactory.of(context.getRequiredTestClass()).types();
    var withModes = AnnotationSupport.findAnnotation(method, TypesAndModes.class);
    TableType[] asked =
        withModes
            .map(TypesAndModes::value)
            .orElseGet(
                () -> AnnotationSupport.findAnnotation(method, Types.class).orElseThrow().value());
    List<TableType> types = Arrays.stream(asked).filter(available::contains).toList();
    if (types.isEmpty()) {
      throw new IllegalStateException(
          method + ": the tables under test have none of " + Arrays.toString(asked));
    }
    if (withModes.isPresent()) {
      return Fixtures.typesAndModes(types);
    }
    return types.stream().map(Arguments::of);
  }
}
