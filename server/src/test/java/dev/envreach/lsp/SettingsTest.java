package dev.envreach.lsp;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Settings from initializationOptions and workspace/configuration. */
class SettingsTest {
    @Test
    void keysOverrideDefaultsAndMissingKeysKeepThem() {
        Settings s = new Settings().merge(JsonParser.parseString("""
                {"platform":"fedora","disabledRules":["ER105"],"contexts":["ssh-command"]}"""));
        assertEquals("fedora", s.platform);
        assertEquals(List.of("ER105"), s.disabledRules);
        assertEquals(List.of("ssh-command"), s.contexts);
        assertFalse(s.inlayHints, "an absent key keeps its default (inlay hints are opt-in)");
        assertEquals(List.of("PATH"), s.inlayHintVariables);
    }

    @Test
    void aSectionWrappedInEnvreachIsUnwrapped() {
        Settings s = new Settings().merge(JsonParser.parseString("{\"envreach\":{\"loginShell\":\"zsh\"}}"));
        assertEquals("zsh", s.loginShell);
    }

    @Test
    void malformedValuesLeaveTheSettingsUnchanged() {
        Settings before = new Settings();
        Settings s = before.merge(JsonParser.parseString("{\"debounceMs\":\"soon\"}"));
        assertEquals(before.debounceMs, s.debounceMs);
    }
}
