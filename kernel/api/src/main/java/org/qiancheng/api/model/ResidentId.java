package org.qiancheng.api.model;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Period;

/**
 * An 18-character resident identity number (GB 11643): six digits of the issuing region, the
 * birth date, a sequence and a check character computed ISO 7064 MOD 11-2 [K2]. A value of this
 * type has passed those checks.
 *
 * @param number the number, with an upper-case {@code X} where the check character is ten
 */
public record ResidentId(String number) {

    /** Youngest and oldest plausible trainee ages. */
    public static final int MIN_AGE = 14;
    public static final int MAX_AGE = 100;

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /**
     * Checks format, birth date and check character.
     *
     * @throws InvalidResidentIdException naming the rule that failed
     */
    public ResidentId {
        if (number == null || number.length() != 18) {
            throw new InvalidResidentIdException("length", "must have 18 characters");
        }
        number = number.toUpperCase(java.util.Locale.ROOT);
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(number.charAt(i)) || number.charAt(i) > '9') {
                throw new InvalidResidentIdException("digits", "the first 17 characters must be digits");
            }
        }
        birthDateOf(number);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        if (number.charAt(17) != CHECK.charAt(sum % 11)) {
            throw new InvalidResidentIdException("check-digit", "check character does not match (GB 11643)");
        }
    }

    /**
     * Parses a number and also requires a plausible trainee age on the given day.
     *
     * @param number the 18-character number
     * @param today the day of the check
     * @return the identity number
     * @throws InvalidResidentIdException naming the rule that failed
     */
    public static ResidentId parse(String number, LocalDate today) {
        ResidentId id = new ResidentId(number == null ? null : number.trim());
        int age = Period.between(id.birthDate(), today).getYears();
        if (id.birthDate().isAfter(today) || age < MIN_AGE || age > MAX_AGE) {
            throw new InvalidResidentIdException("birth-date",
                    "birth date " + id.birthDate() + " gives an age outside " + MIN_AGE + "–" + MAX_AGE);
        }
        return id;
    }

    /** @return the birth date encoded in the number */
    public LocalDate birthDate() {
        return birthDateOf(number);
    }

    /** @return the GB/T 2260 code of the region that issued the number */
    public String regionCode() {
        return number.substring(0, 6);
    }

    /** @return the number with the birth date and sequence hidden, e.g. {@code 510104********1234} */
    public String masked() {
        return number.substring(0, 6) + "********" + number.substring(14);
    }

    /** @return the masked number, so that logging an id never leaks it */
    @Override
    public String toString() {
        return masked();
    }

    private static LocalDate birthDateOf(String number) {
        try {
            return LocalDate.of(Integer.parseInt(number.substring(6, 10)), Integer.parseInt(number.substring(10, 12)),
                    Integer.parseInt(number.substring(12, 14)));
        } catch (DateTimeException e) {
            throw new InvalidResidentIdException("birth-date", "characters 7–14 are not a valid date");
        }
    }
}
