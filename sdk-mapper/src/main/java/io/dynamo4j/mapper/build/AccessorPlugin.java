package io.dynamo4j.mapper.build;

import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.annotation.Discriminator;
import io.dynamo4j.mapper.annotation.Table;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.build.Plugin;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Generates, at build time, the accessor classes of every class annotated {@code @Table} or
 * {@code @Discriminator} and of every type those reach (nested, flattened, subtypes): the same
 * classes the mapper would otherwise generate at run time, written beside the compiled classes.
 * The mapped classes themselves are left unchanged.
 *
 * <p>To introspect a class it is loaded, from the build's class files, in a throw-away class
 * loader whose parent is this plugin's; nothing of it runs but static initialisers. Used by one
 * build at a time; not thread-safe.
 */
public final class AccessorPlugin implements Plugin {

  private final Set<String> written = new HashSet<>();

  /** The plugin; ByteBuddy's build plugin instantiates it. */
  public AccessorPlugin() {}

  @Override
  public boolean matches(TypeDescription target) {
    return target.getDeclaredAnnotations().isAnnotationPresent(Table.class)
        || target.getDeclaredAnnotations().isAnnotationPresent(Discriminator.class);
  }

  @Override
  public DynamicType.Builder<?> apply(DynamicType.Builder<?> builder, TypeDescription type, ClassFileLocator locator) {
    Class<?> loaded;
    try {
      loaded = Class.forName(type.getName(), false, new BuildClassLoader(locator, AccessorPlugin.class.getClassLoader()));
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("dynamo4j AccessorPlugin: cannot load " + type.getName() + " from the build's classes", e);
    }
    for (Map.Entry<String, byte[]> accessor : Mapper.generateAccessorClasses(loaded).entrySet()) {
      if (written.add(accessor.getKey())) {
        builder = builder.require(new TypeDescription.Latent(accessor.getKey(), Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL,
            TypeDescription.Generic.OfNonGenericType.ForLoadedType.of(Object.class)), accessor.getValue());
      }
    }
    return builder;
  }

  @Override
  public void close() {
    written.clear();
  }

  /** Defines the build's classes from their class files; everything else comes from the parent. */
  private static final class BuildClassLoader extends ClassLoader {
    private final ClassFileLocator locator;

    BuildClassLoader(ClassFileLocator locator, ClassLoader parent) {
      super(parent);
      this.locator = locator;
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      try {
        ClassFileLocator.Resolution r = locator.locate(name);
        if (r.isResolved()) {
          byte[] bytes = r.resolve();
          return defineClass(name, bytes, 0, bytes.length);
        }
      } catch (java.io.IOException e) {
        throw new ClassNotFoundException(name, e);
      }
      throw new ClassNotFoundException(name);
    }
  }
}
