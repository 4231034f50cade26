package io.mailform.adopt;

import java.util.List;

/** A value of the description import writes: a scalar, a flow list of scalars, or a block mapping. */
sealed interface YamlValue permits YamlValue.Scalar, YamlValue.FlowList, YamlValue.Block {
    /** A scalar; {@code text} is quoted when written unless it is a number or boolean ({@code string} false). */
    record Scalar(String text, boolean string) implements YamlValue {
        static Scalar of(String text) {
            return new Scalar(text, true);
        }

        static Scalar number(long value) {
            return new Scalar(Long.toString(value), false);
        }

        static Scalar bool(boolean value) {
            return new Scalar(Boolean.toString(value), false);
        }
    }

    record FlowList(List<Scalar> items) implements YamlValue {
        public FlowList {
            items = List.copyOf(items);
        }

        static FlowList of(List<String> texts) {
            return new FlowList(texts.stream().map(Scalar::of).toList());
        }
    }

    record Block(List<Member> members) implements YamlValue {
        public Block {
            members = List.copyOf(members);
        }
    }
}
