package org.qiancheng.api.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResidentIdTest {

    private static final String CHENGDU_1990 = "510104199001011230";
    private static final String BEIJING_1949 = "11010519491231002X";

    private static String ruleBroken(String number) {
        return assertThrows(InvalidResidentIdException.class, () -> new ResidentId(number)).rule();
    }

    @Test
    void aValidNumberIsAcceptedAsIs() {
        assertEquals(CHENGDU_1990, new ResidentId(CHENGDU_1990).number());
        assertEquals(BEIJING_1949, new ResidentId(BEIJING_1949).number());
    }

    @Test
    void aLowerCaseCheckCharacterXIsAcceptedAndNormalisedToUpperCase() {
        assertEquals(BEIJING_1949, new ResidentId("11010519491231002x").number());
        assertEquals(new ResidentId(BEIJING_1949), new ResidentId("11010519491231002x"));
    }

    @Test
    void theBirthDateAndTheIssuingRegionAreReadFromTheNumber() {
        ResidentId id = new ResidentId(CHENGDU_1990);
        assertEquals(LocalDate.of(1990, 1, 1), id.birthDate());
        assertEquals("510104", id.regionCode());
        assertEquals(LocalDate.of(1949, 12, 31), new ResidentId(BEIJING_1949).birthDate());
        assertEquals("110105", new ResidentId(BEIJING_1949).regionCode());
    }

    @Test
    void theMaskedFormHidesTheBirthDateAndSequence() {
        assertEquals("510104********1230", new ResidentId(CHENGDU_1990).masked());
        assertEquals("110105********002X", new ResidentId(BEIJING_1949).masked());
    }

    @Test
    void toStringNeverLeaksTheFullNumber() {
        String text = new ResidentId(CHENGDU_1990).toString();
        assertEquals("510104********1230", text);
        assertFalse(text.contains("19900101"));
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @CsvSource({
        "51010419900101123,   length",
        "5101041990010112300, length",
        "51010419900A011230,  digits",
        "X10104199001011230,  digits",
        "510104199013011230,  birth-date",
        "510104199002301230,  birth-date",
        "510104199001001230,  birth-date",
        "510104199001011231,  check-digit",
        "51010419900101123X,  check-digit"
    })
    void anInvalidNumberIsRefusedNamingTheRuleItBreaks(String number, String rule) {
        assertEquals(rule, ruleBroken(number));
    }

    @Test
    void aMissingNumberBreaksTheLengthRule() {
        assertEquals("length", ruleBroken(null));
        assertEquals("length", assertThrows(InvalidResidentIdException.class,
                () -> ResidentId.parse(null, LocalDate.of(2025, 1, 1))).rule());
    }

    @Test
    void parseTrimsSurroundingSpace() {
        assertEquals(CHENGDU_1990, ResidentId.parse("  " + CHENGDU_1990 + " ", LocalDate.of(2025, 1, 1)).number());
    }

    @Test
    void parseAcceptsATraineeWhoIsExactlyFourteen() {
        assertEquals(CHENGDU_1990, ResidentId.parse(CHENGDU_1990, LocalDate.of(2004, 1, 1)).number());
    }

    @Test
    void parseRefusesATraineeYoungerThanFourteen() {
        var refused = assertThrows(InvalidResidentIdException.class,
                () -> ResidentId.parse(CHENGDU_1990, LocalDate.of(2003, 12, 31)));
        assertEquals("birth-date", refused.rule());
    }

    @Test
    void parseRefusesABirthDateInTheFuture() {
        assertEquals("birth-date", assertThrows(InvalidResidentIdException.class,
                () -> ResidentId.parse(CHENGDU_1990, LocalDate.of(1989, 12, 31))).rule());
    }

    @Test
    void parseAcceptsAnAgeOfExactlyOneHundredAndRefusesOlder() {
        assertEquals(CHENGDU_1990, ResidentId.parse(CHENGDU_1990, LocalDate.of(2090, 12, 31)).number());
        assertEquals("birth-date", assertThrows(InvalidResidentIdException.class,
                () -> ResidentId.parse(CHENGDU_1990, LocalDate.of(2091, 1, 1))).rule());
    }

    @Test
    void theRefusalMessageSaysTheNumberIsInvalid() {
        var refused = assertThrows(InvalidResidentIdException.class, () -> new ResidentId("510104199001011231"));
        assertEquals("invalid resident ID number: check character does not match (GB 11643)", refused.getMessage());
    }
}
