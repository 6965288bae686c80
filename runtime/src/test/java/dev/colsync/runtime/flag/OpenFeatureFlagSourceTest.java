package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.EvaluationContext;
import dev.openfeature.sdk.FeatureProvider;
import dev.openfeature.sdk.Metadata;
import dev.openfeature.sdk.OpenFeatureAPI;
import dev.openfeature.sdk.ProviderEvaluation;
import dev.openfeature.sdk.Value;
import dev.openfeature.sdk.providers.memory.Flag;
import dev.openfeature.sdk.providers.memory.InMemoryProvider;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The OpenFeature adapter over the SDK's own in-memory provider, each test in a domain of its own. */
class OpenFeatureFlagSourceTest {

  @Test
  void theFlagValueIsTheReadPath() throws Exception {
    InMemoryProvider provider = new InMemoryProvider(Map.of(
        "colsync.read-path.users_full_name", stringFlag("SHADOW"),
        "colsync.read-path.orders_amount_cents", stringFlag("new")));
    OpenFeatureFlagSource flags = new OpenFeatureFlagSource(client(provider));

    assertThat(flags.readPath("users_full_name")).isEqualTo(ReadPath.SHADOW);
    assertThat(flags.readPath("orders_amount_cents")).isEqualTo(ReadPath.NEW);
  }

  @Test
  void aChangeInTheProviderIsSeenOnTheNextRead() throws Exception {
    InMemoryProvider provider = new InMemoryProvider(Map.of("colsync.read-path.m", stringFlag("OLD")));
    OpenFeatureFlagSource flags = new OpenFeatureFlagSource(client(provider));
    assertThat(flags.readPath("m")).isEqualTo(ReadPath.OLD);

    provider.updateFlag("colsync.read-path.m", stringFlag("NEW"));

    assertThat(flags.readPath("m")).isEqualTo(ReadPath.NEW);
  }

  @Test
  void theKeyPrefixIsConfigurable() throws Exception {
    InMemoryProvider provider = new InMemoryProvider(Map.of("rp-m", stringFlag("NEW")));
    OpenFeatureFlagSource flags = new OpenFeatureFlagSource(client(provider), "rp-");

    assertThat(flags.flagKey("m")).isEqualTo("rp-m");
    assertThat(flags.readPath("m")).isEqualTo(ReadPath.NEW);
  }

  @Test
  void aMissingFlagAnUnknownValueAndAWrongTypeReadOld() throws Exception {
    InMemoryProvider provider = new InMemoryProvider(Map.of(
        "colsync.read-path.unknown_value", stringFlag("NEWER"),
        "colsync.read-path.wrong_type", Flag.<Integer>builder().variant("on", 2).defaultVariant("on").build()));
    OpenFeatureFlagSource flags = new OpenFeatureFlagSource(client(provider));

    assertThat(flags.readPath("missing")).isEqualTo(ReadPath.OLD);
    assertThat(flags.readPath("unknown_value")).isEqualTo(ReadPath.OLD);
    assertThat(flags.readPath("wrong_type")).isEqualTo(ReadPath.OLD);
  }

  @Test
  void aProviderErrorReadsOld() throws Exception {
    OpenFeatureFlagSource flags = new OpenFeatureFlagSource(client(new FailingProvider()));

    assertThat(flags.readPath("users_full_name")).isEqualTo(ReadPath.OLD);
  }

  private static Flag<String> stringFlag(String value) {
    return Flag.<String>builder().variant("current", value).defaultVariant("current").build();
  }

  private static Client client(FeatureProvider provider) throws Exception {
    String domain = "colsync-test-" + UUID.randomUUID();
    OpenFeatureAPI.getInstance().setProviderAndWait(domain, provider);
    return OpenFeatureAPI.getInstance().getClient(domain);
  }

  /** A provider whose every evaluation throws, as a provider that lost its backend might. */
  private static final class FailingProvider implements FeatureProvider {
    @Override
    public Metadata getMetadata() {
      return () -> "failing";
    }

    @Override
    public ProviderEvaluation<Boolean> getBooleanEvaluation(String key, Boolean value, EvaluationContext context) {
      throw new IllegalStateException("backend unreachable");
    }

    @Override
    public ProviderEvaluation<String> getStringEvaluation(String key, String value, EvaluationContext context) {
      throw new IllegalStateException("backend unreachable");
    }

    @Override
    public ProviderEvaluation<Integer> getIntegerEvaluation(String key, Integer value, EvaluationContext context) {
      throw new IllegalStateException("backend unreachable");
    }

    @Override
    public ProviderEvaluation<Double> getDoubleEvaluation(String key, Double value, EvaluationContext context) {
      throw new IllegalStateException("backend unreachable");
    }

    @Override
    public ProviderEvaluation<Value> getObjectEvaluation(String key, Value value, EvaluationContext context) {
      throw new IllegalStateException("backend unreachable");
    }
  }
}
