package dev.parapet.compliance.policy;

import dev.parapet.api.Checks;
import dev.parapet.compliance.rule.RuleContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A validated, compiled compliance policy: which rules, with which parameters, apply to each account and
 * strategy.
 * <p>
 * <b>Format</b> (JSON):
 * <pre>{@code
 * {
 *   "name": "firm-default", "version": "2024-06-01",
 *   "rules": [                                   // defaults: every account and strategy
 *     {"type": "max-order-notional", "id": "fat-finger", "params": {"maxNotional": 5000000}},
 *     {"type": "restricted-list", "params": {"restrictedIssuers": ["Acme Corp."]}},
 *     {"type": "adv-participation", "enforcement": "SOFT", "severity": "MEDIUM", "params": {"maxPercentOfAdv": 10}}
 *   ],
 *   "accounts": {
 *     "FUND-A": {
 *       "disable": ["adv-participation"],        // drop inherited rules by id
 *       "rules": [ ... ],                        // add rules, or replace inherited ones with the same id
 *       "strategies": {"momentum": {"rules": [ ... ], "disable": [ ... ]}}
 *     }
 *   }
 * }
 * }</pre>
 * A rule entry has a {@code type} from the {@link RuleCatalogue}, an optional {@code id} (default: the
 * type; unique within its list), {@code enforcement} ({@code HARD} blocks, the default; {@code SOFT}
 * warns), {@code severity} of post-trade alerts (default {@code HIGH}), an optional
 * {@code description}, and {@code params}. An order of account A and strategy S is checked against the
 * rules of scope A/S if configured, else A, else the defaults. Unknown keys, unknown parameters,
 * mistyped or out-of-range values, unknown rule types and unknown ids in {@code disable} are all
 * problems; the policy is refused as a whole with every problem listed.
 * <p>
 * A compiled policy's rules are bound to one {@link RuleContext}. Immutable and thread-safe.
 */
public final class CompliancePolicy {

  /** Resource path of the ready UCITS 5/10/40 policy. */
  public static final String UCITS_RESOURCE = "/dev/parapet/compliance/policy/ucits-5-10-40.json";

  private final String name;
  private final String version;
  private final String sha256;
  private final String source;
  private final RuleSet defaults;
  private final Map<String, AccountScope> accounts;

  CompliancePolicy(String name, String version, String sha256, String source, RuleSet defaults,
      Map<String, AccountScope> accounts) {
    this.name = name;
    this.version = version;
    this.sha256 = sha256;
    this.source = source;
    this.defaults = defaults;
    this.accounts = accounts;
  }

  /**
   * Parses, validates and compiles a policy.
   *
   * @param json the policy document
   * @param sourceName where it came from, for messages (e.g. a file name)
   * @param catalogue the rule types it may use
   * @param context the context its rules are bound to
   * @return the policy
   * @throws PolicyException listing every problem, if the policy is invalid
   */
  public static CompliancePolicy parse(String json, String sourceName, RuleCatalogue catalogue,
      RuleContext context) {
    Checks.notNull(json, "json");
    Checks.notBlank(sourceName, "sourceName");
    Checks.notNull(catalogue, "catalogue");
    Checks.notNull(context, "context");
    return PolicyCompiler.compile(json, sourceName, catalogue, context);
  }

  /**
   * Reads a policy file (UTF-8) and compiles it.
   *
   * @throws PolicyException listing every problem, if the policy is invalid
   * @throws UncheckedIOException if the file cannot be read
   */
  public static CompliancePolicy read(Path file, RuleCatalogue catalogue, RuleContext context) {
    return parse(readText(file), file.toString(), catalogue, context);
  }

  /** Reads a policy file as text, turning an I/O failure into an {@link UncheckedIOException}. */
  public static String readText(Path file) {
    Checks.notNull(file, "file");
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy file " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Returns the text of the ready UCITS 5/10/40 policy ({@value #UCITS_RESOURCE}): exposure to one
   * issuer at most 10% of NAV, and the issuers above 5% together at most 40% (Directive 2009/65/EC
   * Article 52(1) and 52(2)); gross leverage at most 2 (Article 51(3): derivative exposure at most the
   * net value, commitment approach); and no uncovered sales (Article 89): a sale beyond the long
   * position is refused, and a short sale needs a locate, which a UCITS host does not grant.
   */
  public static String ucits51040() {
    try (InputStream in = CompliancePolicy.class.getResourceAsStream(UCITS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + UCITS_RESOURCE + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the policy's name. */
  public String name() {
    return name;
  }

  /** Returns the policy's version, empty if it has none. */
  public String version() {
    return version;
  }

  /** Returns the SHA-256 of the policy text, in lower-case hex: identifies exactly what was loaded. */
  public String sha256() {
    return sha256;
  }

  /** Returns the policy text as loaded. */
  public String source() {
    return source;
  }

  /** Returns the default rules (accounts without a scope of their own). */
  public RuleSet defaultRules() {
    return defaults;
  }

  /**
   * Returns the rules for an order of an account and strategy. Hot path: allocation-free.
   *
   * @param account the account
   * @param strategy the strategy
   * @return the rules of the account/strategy scope, else the account's, else the defaults
   */
  public RuleSet rulesFor(String account, String strategy) {
    AccountScope scope = accounts.get(account);
    if (scope == null) {
      return defaults;
    }
    RuleSet s = scope.strategies.get(strategy);
    return s == null ? scope.rules : s;
  }

  /** Returns the account-level rules (used by the post-trade sweep): the account's scope, else the defaults. */
  public RuleSet accountRules(String account) {
    AccountScope scope = accounts.get(account);
    return scope == null ? defaults : scope.rules;
  }

  /** Returns the accounts that have a scope of their own, sorted. */
  public Set<String> configuredAccounts() {
    return Collections.unmodifiableSet(new TreeSet<>(accounts.keySet()));
  }

  @Override
  public String toString() {
    return "CompliancePolicy[" + name + (version.isEmpty() ? "" : " " + version) + ", sha256 "
        + sha256.substring(0, 12) + "]";
  }

  /** The rules of one account and of its strategies. */
  static final class AccountScope {
    final RuleSet rules;
    final Map<String, RuleSet> strategies;

    AccountScope(RuleSet rules, Map<String, RuleSet> strategies) {
      this.rules = rules;
      this.strategies = strategies;
    }
  }
}
