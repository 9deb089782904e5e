package io.dynamo4j.mapper;

import static net.bytebuddy.jar.asm.Opcodes.*;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.FieldVisitor;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Type;

/**
 * Writes the bytecode of one accessor class for one {@link ObjectModel}: a final subclass of
 * {@link ItemAccessor} named {@code <Type>$$Dynamo4jAccessor}, in the type's package.
 *
 * <h2>What the class does</h2>
 *
 * <pre>{@code
 * public Item write(Object o) {              public Object read(Item item) {
 *   Order t = (Order) o;                       Order t = new Order();     // or builder / locals
 *   Item.Builder b = begin();                  for (int i = 0, n = item.size(); i < n; i++) {
 *   putString(b, 0, t.getId());                  String name = item.nameAt(i);
 *   putInt(b, 1, t.getQty());                    AttributeValue v = item.valueAt(i);
 *   putObject(b, 2, t.getTags());                switch (name.hashCode()) {
 *   return end(b);                                 case 3355: if (name.equals("id")) { t.setId(readString(v, 0)); continue; }
 * }                                                ...
 *                                                }
 *                                              }
 *                                              return t;                  // or build() / new Order(locals...)
 *                                            }
 * }</pre>
 *
 * <p>Every getter, setter, field, constructor and builder method is called directly, so the JIT
 * inlines them; attribute names dispatch through one {@code lookupswitch} on their (cached)
 * hash codes and one {@code equals}, never a map lookup. Values go through the protected methods
 * of {@link ItemAccessor}, shared with the reflective accessor, so both produce the same items.
 *
 * <p>The bytecode is emitted with the ASM that ByteBuddy ships ({@code net.bytebuddy.jar.asm}),
 * without ByteBuddy's type DSL: the DSL's own class loading costs more than the whole first
 * schema is allowed to take in a fresh JVM. Stateless.
 */
final class AccessorGenerator {

  static final String FINGERPRINT_FIELD = AccessorNames.FINGERPRINT_FIELD;

  private static final String BASE = "io/dynamo4j/mapper/ItemAccessor";
  private static final String ITEM = "io/dynamo4j/model/Item";
  private static final String BUILDER = "io/dynamo4j/model/Item$Builder";
  private static final String VALUE = "io/dynamo4j/model/AttributeValue";

  private AccessorGenerator() {}

  static String className(Class<?> type) {
    return AccessorNames.className(type);
  }

  /**
   * The class file of {@code model}'s accessor.
   *
   * @throws MappingException if a class the accessor must name is not accessible from the type's package
   */
  static byte[] generate(ObjectModel<?> model) {
    return generate(model, className(model.type));
  }

  /** The class file of {@code model}'s accessor under the binary name {@code name} (in the type's package). */
  static byte[] generate(ObjectModel<?> model, String name) {
    checkAccess(model);
    String self = name.replace('.', '/');
    // Frames are written by hand (the layout of every branch target is known), so ASM only counts
    // stack depths: its frame analysis would cost a cold JVM more than the rest of the class.
    ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS);
    cw.visit(V17, ACC_PUBLIC | ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, self, null, BASE, null);
    cw.visitSource("dynamo4j generated accessor", null);
    String fingerprint = model.fingerprint();
    FieldVisitor fv = cw.visitField(ACC_PUBLIC | ACC_STATIC | ACC_FINAL, FINGERPRINT_FIELD, "Ljava/lang/String;", null,
        fingerprint.length() < 20_000 ? fingerprint : Integer.toHexString(fingerprint.hashCode()) + ":" + fingerprint.length());
    fv.visitEnd();

    MethodVisitor init = cw.visitMethod(ACC_PUBLIC, "<init>", "()V", null, null);
    init.visitCode();
    init.visitVarInsn(ALOAD, 0);
    init.visitMethodInsn(INVOKESPECIAL, BASE, "<init>", "()V", false);
    init.visitInsn(RETURN);
    init.visitMaxs(0, 0);
    init.visitEnd();

    write(cw, model);
    read(cw, model, self);
    cw.visitEnd();
    return cw.toByteArray();
  }

  // ---------------------------------------------------------------- write

  private static void write(ClassWriter cw, ObjectModel<?> model) {
    String t = Type.getInternalName(model.type);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "write", "(Ljava/lang/Object;)L" + ITEM + ";", null, null);
    mv.visitCode();
    mv.visitVarInsn(ALOAD, 1);
    mv.visitTypeInsn(CHECKCAST, t);
    mv.visitVarInsn(ASTORE, 2);
    mv.visitVarInsn(ALOAD, 0);
    mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "begin", "()L" + BUILDER + ";", false);
    mv.visitVarInsn(ASTORE, 3);
    List<PropertyModel> properties = model.properties;
    for (int i = 0; i < properties.size(); i++) {
      PropertyModel p = properties.get(i);
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, 3);
      push(mv, i);
      mv.visitVarInsn(ALOAD, 2);
      if (p.getter != null) {
        invoke(mv, model.type, p.getter);
      } else {
        mv.visitFieldInsn(GETFIELD, t, p.readField.getName(), Type.getDescriptor(p.readField.getType()));
      }
      String put;
      switch (p.kind) {
        case STRING -> put = "putString(L" + BUILDER + ";ILjava/lang/String;)V";
        case INT, SHORT, BYTE -> put = "putInt(L" + BUILDER + ";II)V";
        case LONG -> put = "putLong(L" + BUILDER + ";IJ)V";
        case BOOLEAN -> put = "putBoolean(L" + BUILDER + ";IZ)V";
        case DOUBLE -> put = "putDouble(L" + BUILDER + ";ID)V";
        case FLAT -> put = "putFlat(L" + BUILDER + ";ILjava/lang/Object;)V";
        default -> {
          if (p.raw.isPrimitive()) {
            box(mv, p.raw);
          }
          put = "putObject(L" + BUILDER + ";ILjava/lang/Object;)V";
        }
      }
      int paren = put.indexOf('(');
      mv.visitMethodInsn(INVOKEVIRTUAL, BASE, put.substring(0, paren), put.substring(paren), false);
    }
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, 3);
    mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "end", "(L" + BUILDER + ";)L" + ITEM + ";", false);
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  // ---------------------------------------------------------------- read

  private static final int ITEM_VAR = 1;
  private static final int TARGET = 2;
  private static final int SIZE = 3;
  private static final int INDEX = 4;
  private static final int NAME = 5;
  private static final int VALUE_VAR = 6;
  private static final int FLAT_TEMP = 7;
  private static final int FIRST_LOCAL = 8;

  private static void read(ClassWriter cw, ObjectModel<?> model, String self) {
    String t = Type.getInternalName(model.type);
    MethodVisitor mv = cw.visitMethod(ACC_PUBLIC, "read", "(L" + ITEM + ";)Ljava/lang/Object;", null, null);
    mv.visitCode();
    List<PropertyModel> properties = model.properties;
    int[] locals = new int[properties.size()];
    switch (model.shape) {
      case BEAN -> {
        mv.visitTypeInsn(NEW, t);
        mv.visitInsn(DUP);
        mv.visitMethodInsn(INVOKESPECIAL, t, "<init>", "()V", false);
        mv.visitVarInsn(ASTORE, TARGET);
      }
      case BUILDER -> {
        Method factory = model.builderFactory;
        mv.visitMethodInsn(INVOKESTATIC, t, factory.getName(), Type.getMethodDescriptor(factory), false);
        mv.visitVarInsn(ASTORE, TARGET);
      }
      case RECORD -> {
        int next = FIRST_LOCAL;
        for (int i = 0; i < properties.size(); i++) {
          PropertyModel p = properties.get(i);
          locals[i] = next;
          switch (p.kind) {
            case INT, SHORT, BYTE, BOOLEAN -> {
              mv.visitInsn(ICONST_0);
              mv.visitVarInsn(ISTORE, next);
              next += 1;
            }
            case LONG -> {
              mv.visitInsn(LCONST_0);
              mv.visitVarInsn(LSTORE, next);
              next += 2;
            }
            case DOUBLE -> {
              mv.visitInsn(DCONST_0);
              mv.visitVarInsn(DSTORE, next);
              next += 2;
            }
            default -> {
              mv.visitVarInsn(ALOAD, 0);
              push(mv, i);
              mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "absent", "(I)Ljava/lang/Object;", false);
              mv.visitTypeInsn(CHECKCAST, Type.getInternalName(boxed(p.raw)));
              mv.visitVarInsn(ASTORE, next);
              next += 1;
            }
          }
        }
      }
      default -> throw new IllegalStateException(String.valueOf(model.shape));
    }
    // the locals at every branch target: this, item, target, size, index, name, value, flat temp, record locals
    List<Object> frame = new ArrayList<>();
    frame.add(self);
    frame.add(ITEM);
    frame.add(model.shape == ObjectModel.Shape.BEAN ? t
        : model.shape == ObjectModel.Shape.BUILDER ? Type.getInternalName(model.builderFactory.getReturnType()) : TOP);
    frame.add(INTEGER);
    frame.add(INTEGER);
    frame.add(TOP);
    frame.add(TOP);
    frame.add(TOP);
    if (model.shape == ObjectModel.Shape.RECORD) {
      for (PropertyModel p : properties) {
        frame.add(switch (p.kind) {
          case INT, SHORT, BYTE, BOOLEAN -> INTEGER;
          case LONG -> LONG;
          case DOUBLE -> DOUBLE;
          default -> Type.getInternalName(boxed(p.raw));
        });
      }
    }
    Object[] atLoop = frame.toArray();
    Object[] atCase = frame.toArray();
    atCase[NAME] = "java/lang/String";
    atCase[VALUE_VAR] = VALUE;
    Object[] atSkip = frame.toArray();
    atSkip[FLAT_TEMP] = "java/lang/Object";
    mv.visitVarInsn(ALOAD, ITEM_VAR);
    mv.visitMethodInsn(INVOKEVIRTUAL, ITEM, "size", "()I", false);
    mv.visitVarInsn(ISTORE, SIZE);
    mv.visitInsn(ICONST_0);
    mv.visitVarInsn(ISTORE, INDEX);
    Label loop = new Label();
    Label next = new Label();
    Label end = new Label();
    mv.visitLabel(loop);
    mv.visitFrame(F_NEW, atLoop.length, atLoop, 0, new Object[0]);
    mv.visitVarInsn(ILOAD, INDEX);
    mv.visitVarInsn(ILOAD, SIZE);
    mv.visitJumpInsn(IF_ICMPGE, end);
    mv.visitVarInsn(ALOAD, ITEM_VAR);
    mv.visitVarInsn(ILOAD, INDEX);
    mv.visitMethodInsn(INVOKEVIRTUAL, ITEM, "nameAt", "(I)Ljava/lang/String;", false);
    mv.visitVarInsn(ASTORE, NAME);
    mv.visitVarInsn(ALOAD, ITEM_VAR);
    mv.visitVarInsn(ILOAD, INDEX);
    mv.visitMethodInsn(INVOKEVIRTUAL, ITEM, "valueAt", "(I)L" + VALUE + ";", false);
    mv.visitVarInsn(ASTORE, VALUE_VAR);

    Map<Integer, List<Integer>> byHash = new TreeMap<>();
    for (int i = 0; i < properties.size(); i++) {
      if (properties.get(i).kind != PropertyModel.Kind.FLAT) {
        int h = properties.get(i).attribute.hashCode();
        List<Integer> group = byHash.get(h);
        if (group == null) {
          group = new ArrayList<>(2);
          byHash.put(h, group);
        }
        group.add(i);
      }
    }
    if (!byHash.isEmpty()) {
      int[] keys = new int[byHash.size()];
      Label[] labels = new Label[byHash.size()];
      int k = 0;
      for (Integer h : byHash.keySet()) {
        keys[k] = h;
        labels[k++] = new Label();
      }
      mv.visitVarInsn(ALOAD, NAME);
      mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "hashCode", "()I", false);
      mv.visitLookupSwitchInsn(next, keys, labels);
      k = 0;
      for (List<Integer> group : byHash.values()) {
        mv.visitLabel(labels[k++]);
        mv.visitFrame(F_NEW, atCase.length, atCase, 0, new Object[0]);
        for (int i : group) {
          PropertyModel p = properties.get(i);
          Label miss = new Label();
          mv.visitVarInsn(ALOAD, NAME);
          mv.visitLdcInsn(p.attribute);
          mv.visitMethodInsn(INVOKEVIRTUAL, "java/lang/String", "equals", "(Ljava/lang/Object;)Z", false);
          mv.visitJumpInsn(IFEQ, miss);
          assign(mv, model, p, i, locals[i]);
          mv.visitJumpInsn(GOTO, next);
          mv.visitLabel(miss);
          mv.visitFrame(F_NEW, atCase.length, atCase, 0, new Object[0]);
        }
        mv.visitJumpInsn(GOTO, next);
      }
    }
    mv.visitLabel(next);
    mv.visitFrame(F_NEW, atCase.length, atCase, 0, new Object[0]);
    mv.visitIincInsn(INDEX, 1);
    mv.visitJumpInsn(GOTO, loop);
    mv.visitLabel(end);
    mv.visitFrame(F_NEW, atLoop.length, atLoop, 0, new Object[0]);

    for (int i = 0; i < properties.size(); i++) {
      PropertyModel p = properties.get(i);
      if (p.kind != PropertyModel.Kind.FLAT) {
        continue;
      }
      mv.visitVarInsn(ALOAD, 0);
      mv.visitVarInsn(ALOAD, ITEM_VAR);
      push(mv, i);
      mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readFlat", "(L" + ITEM + ";I)Ljava/lang/Object;", false);
      if (model.shape == ObjectModel.Shape.RECORD) {
        mv.visitTypeInsn(CHECKCAST, Type.getInternalName(p.raw));
        mv.visitVarInsn(ASTORE, locals[i]);
      } else {
        Label skip = new Label();
        mv.visitVarInsn(ASTORE, FLAT_TEMP);
        mv.visitVarInsn(ALOAD, FLAT_TEMP);
        mv.visitJumpInsn(IFNULL, skip);
        mv.visitVarInsn(ALOAD, TARGET);
        mv.visitVarInsn(ALOAD, FLAT_TEMP);
        mv.visitTypeInsn(CHECKCAST, Type.getInternalName(p.raw));
        store(mv, model, p);
        mv.visitLabel(skip);
        mv.visitFrame(F_NEW, atSkip.length, atSkip, 0, new Object[0]);
      }
    }

    switch (model.shape) {
      case BEAN -> mv.visitVarInsn(ALOAD, TARGET);
      case BUILDER -> {
        mv.visitVarInsn(ALOAD, TARGET);
        invoke(mv, model.builderFactory.getReturnType(), model.buildMethod);
        if (model.buildMethod.getReturnType() != model.type) {
          mv.visitTypeInsn(CHECKCAST, t);
        }
      }
      default -> {
        mv.visitTypeInsn(NEW, t);
        mv.visitInsn(DUP);
        PropertyModel[] byParameter = new PropertyModel[properties.size()];
        int[] localByParameter = new int[properties.size()];
        for (int i = 0; i < properties.size(); i++) {
          byParameter[properties.get(i).parameter] = properties.get(i);
          localByParameter[properties.get(i).parameter] = locals[i];
        }
        for (int a = 0; a < byParameter.length; a++) {
          PropertyModel p = byParameter[a];
          switch (p.kind) {
            case INT, SHORT, BYTE, BOOLEAN -> mv.visitVarInsn(ILOAD, localByParameter[a]);
            case LONG -> mv.visitVarInsn(LLOAD, localByParameter[a]);
            case DOUBLE -> mv.visitVarInsn(DLOAD, localByParameter[a]);
            default -> {
              mv.visitVarInsn(ALOAD, localByParameter[a]);
              if (p.raw.isPrimitive()) {
                unbox(mv, p.raw);
              }
            }
          }
        }
        mv.visitMethodInsn(INVOKESPECIAL, t, "<init>", Type.getConstructorDescriptor(model.constructor), false);
      }
    }
    mv.visitInsn(ARETURN);
    mv.visitMaxs(0, 0);
    mv.visitEnd();
  }

  /** Reads slot {@code i} from the current value and stores it in the target, builder or local. */
  private static void assign(MethodVisitor mv, ObjectModel<?> model, PropertyModel p, int i, int local) {
    boolean record = model.shape == ObjectModel.Shape.RECORD;
    if (!record) {
      mv.visitVarInsn(ALOAD, TARGET);
    }
    mv.visitVarInsn(ALOAD, 0);
    mv.visitVarInsn(ALOAD, VALUE_VAR);
    push(mv, i);
    String value = "(L" + VALUE + ";I)";
    switch (p.kind) {
      case STRING -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readString", value + "Ljava/lang/String;", false);
      case INT -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readInt", value + "I", false);
      case SHORT -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readShort", value + "S", false);
      case BYTE -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readByte", value + "B", false);
      case LONG -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readLong", value + "J", false);
      case BOOLEAN -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readBoolean", value + "Z", false);
      case DOUBLE -> mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readDouble", value + "D", false);
      default -> {
        mv.visitMethodInsn(INVOKEVIRTUAL, BASE, "readObject", value + "Ljava/lang/Object;", false);
        mv.visitTypeInsn(CHECKCAST, Type.getInternalName(boxed(p.raw)));
        if (p.raw.isPrimitive() && !record) {
          unbox(mv, p.raw);
        }
      }
    }
    if (record) {
      switch (p.kind) {
        case INT, SHORT, BYTE, BOOLEAN -> mv.visitVarInsn(ISTORE, local);
        case LONG -> mv.visitVarInsn(LSTORE, local);
        case DOUBLE -> mv.visitVarInsn(DSTORE, local);
        default -> mv.visitVarInsn(ASTORE, local);
      }
    } else {
      store(mv, model, p);
    }
  }

  /** With the target and the value on the stack: the setter, the field or the builder method. */
  private static void store(MethodVisitor mv, ObjectModel<?> model, PropertyModel p) {
    if (p.builderMethod != null) {
      Method m = p.builderMethod;
      invoke(mv, model.builderFactory.getReturnType(), m);
      discard(mv, m.getReturnType());
    } else if (p.setter != null) {
      invoke(mv, model.type, p.setter);
      discard(mv, p.setter.getReturnType());
    } else {
      mv.visitFieldInsn(PUTFIELD, Type.getInternalName(model.type), p.writeField.getName(),
          Type.getDescriptor(p.writeField.getType()));
    }
  }

  private static void discard(MethodVisitor mv, Class<?> returned) {
    if (returned == long.class || returned == double.class) {
      mv.visitInsn(POP2);
    } else if (returned != void.class) {
      mv.visitInsn(POP);
    }
  }

  private static void invoke(MethodVisitor mv, Class<?> owner, Method m) {
    boolean itf = owner.isInterface();
    mv.visitMethodInsn(itf ? INVOKEINTERFACE : INVOKEVIRTUAL, Type.getInternalName(owner), m.getName(),
        Type.getMethodDescriptor(m), itf);
  }

  private static void push(MethodVisitor mv, int i) {
    if (i <= 5) {
      mv.visitInsn(ICONST_0 + i);
    } else if (i <= Byte.MAX_VALUE) {
      mv.visitIntInsn(BIPUSH, i);
    } else if (i <= Short.MAX_VALUE) {
      mv.visitIntInsn(SIPUSH, i);
    } else {
      mv.visitLdcInsn(i);
    }
  }

  static Class<?> boxed(Class<?> c) {
    return AccessorNames.boxed(c);
  }

  private static void box(MethodVisitor mv, Class<?> primitive) {
    String box = Type.getInternalName(boxed(primitive));
    mv.visitMethodInsn(INVOKESTATIC, box, "valueOf", "(" + Type.getDescriptor(primitive) + ")L" + box + ";", false);
  }

  private static void unbox(MethodVisitor mv, Class<?> primitive) {
    String box = Type.getInternalName(boxed(primitive));
    mv.visitMethodInsn(INVOKEVIRTUAL, box, primitive.getName() + "Value", "()" + Type.getDescriptor(primitive), false);
  }

  /** Every class the accessor names must be accessible from the type's package. */
  private static void checkAccess(ObjectModel<?> model) {
    Class<?> type = model.type;
    need(type, type, "the class");
    if (model.builderFactory != null) {
      need(type, model.builderFactory.getReturnType(), "its builder");
    }
    for (PropertyModel p : model.properties) {
      need(type, boxed(p.raw), p.qualified() + "'s type");
      if (p.setter != null) {
        for (Class<?> c : p.setter.getParameterTypes()) {
          need(type, c, p.qualified() + "'s setter parameter");
        }
      }
    }
  }

  private static void need(Class<?> from, Class<?> c, String what) {
    while (c.isArray()) {
      c = c.getComponentType();
    }
    if (c.isPrimitive()) {
      return;
    }
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      int m = k.getModifiers();
      if (!Modifier.isPublic(m) && !k.getPackageName().equals(from.getPackageName())) {
        throw new MappingException(what + " " + c.getName() + " is not accessible from package "
            + from.getPackageName());
      }
    }
  }
}
