package io.mailform.model;

/** An extra main.cf parameter from the {@code postfix} map, passed through after its name has been checked. */
public record PostfixParameter(String name, String value) {
}
