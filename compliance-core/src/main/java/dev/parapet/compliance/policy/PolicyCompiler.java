package dev.parapet.compliance.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.parapet.api.InvalidValueException;
import dev.parapet.api.alert.Severity;
import dev.parapet.compliance.rule.ComplianceRule;
import dev.parapet.compliance.rule.Enforcement;
import dev.parapet.compliance.rule.RuleContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Parses, validates and compiles a policy document; collects every problem before refusing it. */
final class PolicyCompiler {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Set<String> ROOT_KEYS = Set.of("name", "version", "description", "rules", "accounts");
  private static final Set<String> SCOPE_KEYS = Set.of("rules", "disable", "strategies");
  private static final Set<String> STRATEGY_KEYS = Set.of("rules", "disable");
  private static final Set<String> RULE_KEYS = Set.of("id", "type", "enforcement", "severity", "description",
      "params");

  private final RuleCatalogue catalogue;
  private final RuleContext context;
  private final List<PolicyProblem> problems = new ArrayList<>();

  private PolicyCompiler(RuleCatalogue catalogue, RuleContext context) {
    this.catalogue = catalogue;
    this.context = context;
  }

  static CompliancePolicy compile(String json, String sourceName, RuleCatalogue catalogue, RuleContext context) {
    return new PolicyCompiler(catalogue, context).run(json, sourceName);
  }

  /** Returns the JSON path of a member: {@code base.key}, or {@code base['key']} for unusual keys. */
  static String child(String base, String key) {
    return PLAIN_KEY.matcher(key).matches() ? base + "." + key : base + "['" + key.replace("'", "\\'") + "']";
  }

  private CompliancePolicy run(String json, String sourceName) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr();
      throw new PolicyException(sourceName, List.of(new PolicyProblem("$", "malformed JSON" + where + " ("
          + e.getOriginalMessage() + ")", "a well-formed JSON document")));
    }
    if (root == null || !root.isObject()) {
      throw new PolicyException(sourceName, List.of(new PolicyProblem("$", root == null || root.isMissingNode()
          ? "empty" : root.toString(), "a JSON object")));
    }
    checkKeys(root, "$", ROOT_KEYS);
    String name = text(root, "name", "$", "unnamed");
    JsonNode v = root.get("version");
    String version = "";
    if (v != null) {
      if (v.isTextual() || v.isNumber()) {
        version = v.asText();
      } else {
        problems.add(new PolicyProblem("$.version", v.toString(), "a string or a number"));
      }
    }
    if (root.has("description")) {
      text(root, "description", "$", "");
    }
    LinkedHashMap<String, ComplianceRule> defaults = new LinkedHashMap<>();
    addRules(root.get("rules"), "$.rules", defaults);
    Map<String, CompliancePolicy.AccountScope> accounts = new HashMap<>();
    JsonNode accountsNode = root.get("accounts");
    if (accountsNode != null) {
      if (!accountsNode.isObject()) {
        problems.add(new PolicyProblem("$.accounts", accountsNode.toString(), "an object of account scopes"));
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = accountsNode.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String path = child("$.accounts", e.getKey());
          accounts.put(e.getKey(), accountScope(e.getValue(), path, defaults));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new PolicyException(sourceName, problems);
    }
    return new CompliancePolicy(name, version, sha256(json), json, ruleSet(defaults),
        accounts);
  }

  private CompliancePolicy.AccountScope accountScope(JsonNode node, String path,
      LinkedHashMap<String, ComplianceRule> defaults) {
    LinkedHashMap<String, ComplianceRule> rules = new LinkedHashMap<>(defaults);
    Map<String, RuleSet> strategies = new HashMap<>();
    if (!node.isObject()) {
      problems.add(new PolicyProblem(path, node.toString(), "an object with rules, disable and strategies"));
    } else {
      checkKeys(node, path, SCOPE_KEYS);
      disable(node.get("disable"), path + ".disable", rules);
      addRules(node.get("rules"), path + ".rules", rules);
      JsonNode strategiesNode = node.get("strategies");
      if (strategiesNode != null) {
        if (!strategiesNode.isObject()) {
          problems.add(new PolicyProblem(path + ".strategies", strategiesNode.toString(),
              "an object of strategy scopes"));
        } else {
          for (Iterator<Map.Entry<String, JsonNode>> it = strategiesNode.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String sPath = child(path + ".strategies", e.getKey());
            LinkedHashMap<String, ComplianceRule> sRules = new LinkedHashMap<>(rules);
            if (!e.getValue().isObject()) {
              problems.add(new PolicyProblem(sPath, e.getValue().toString(), "an object with rules and disable"));
            } else {
              checkKeys(e.getValue(), sPath, STRATEGY_KEYS);
              disable(e.getValue().get("disable"), sPath + ".disable", sRules);
              addRules(e.getValue().get("rules"), sPath + ".rules", sRules);
            }
            strategies.put(e.getKey(), ruleSet(sRules));
          }
        }
      }
    }
    return new CompliancePolicy.AccountScope(ruleSet(rules), strategies);
  }

  private static RuleSet ruleSet(LinkedHashMap<String, ComplianceRule> rules) {
    List<ComplianceRule> out = new ArrayList<>();
    for (ComplianceRule r : rules.values()) {
      if (r != null) {
        out.add(r);
      }
    }
    return new RuleSet(out);
  }

  private void disable(JsonNode node, String path, LinkedHashMap<String, ComplianceRule> rules) {
    if (node == null) {
      return;
    }
    if (!node.isArray()) {
      problems.add(new PolicyProblem(path, node.toString(), "an array of rule ids"));
      return;
    }
    for (int i = 0; i < node.size(); i++) {
      JsonNode id = node.get(i);
      if (!id.isTextual() || !rules.containsKey(id.textValue())) {
        problems.add(new PolicyProblem(path + "[" + i + "]", id.toString(), "the id of an inherited rule, one of "
            + rules.keySet()));
      } else {
        rules.remove(id.textValue());
      }
    }
  }

  private void addRules(JsonNode node, String path, LinkedHashMap<String, ComplianceRule> into) {
    if (node == null) {
      return;
    }
    if (!node.isArray()) {
      problems.add(new PolicyProblem(path, node.toString(), "an array of rules"));
      return;
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < node.size(); i++) {
      String rPath = path + "[" + i + "]";
      ComplianceRule rule = rule(node.get(i), rPath, ids);
      if (rule != null) {
        into.put(rule.id(), rule); // a replaced rule keeps its place
      } else if (node.get(i).isObject()) {
        // a refused entry still declares its id, so that later scopes may disable it without a second problem
        JsonNode id = node.get(i).has("id") ? node.get(i).get("id") : node.get(i).get("type");
        if (id != null && id.isTextual() && !into.containsKey(id.textValue())) {
          into.put(id.textValue(), null);
        }
      }
    }
  }

  private ComplianceRule rule(JsonNode e, String path, Set<String> idsInList) {
    if (!e.isObject()) {
      problems.add(new PolicyProblem(path, e.toString(), "a rule object with type and params"));
      return null;
    }
    int before = problems.size();
    checkKeys(e, path, RULE_KEYS);
    String type = text(e, "type", path, null);
    RuleFactory factory = null;
    if (type == null) {
      if (!e.has("type")) {
        problems.add(new PolicyProblem(path + ".type", "missing", "a rule type, one of " + catalogue.types()));
      }
    } else {
      factory = catalogue.find(type).orElse(null);
      if (factory == null) {
        problems.add(new PolicyProblem(path + ".type", e.get("type").toString(), "a rule type, one of "
            + catalogue.types()));
      }
    }
    String id = text(e, "id", path, type);
    if (id != null && e.has("id") && !RULE_ID.matcher(id).matches()) {
      problems.add(new PolicyProblem(path + ".id", e.get("id").toString(),
          "letters, digits, '.', '_' and '-', starting with a letter or digit"));
    }
    if (id != null && !idsInList.add(id)) {
      problems.add(new PolicyProblem(e.has("id") ? path + ".id" : path + ".type", "\"" + id + "\"",
          "a rule id not used twice in the same list"));
    }
    Enforcement enforcement = enumField(e, "enforcement", path, Enforcement.class, Enforcement.HARD);
    Severity severity = enumField(e, "severity", path, Severity.class, Severity.HIGH);
    String description = text(e, "description", path, null);
    if (description != null && description.isBlank()) {
      problems.add(new PolicyProblem(path + ".description", "\"\"", "a non-blank string"));
    }
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    JsonNode p = e.get("params");
    if (p != null) {
      if (p.isObject()) {
        params = (ObjectNode) p;
      } else {
        problems.add(new PolicyProblem(path + ".params", p.toString(), "an object of parameters"));
      }
    }
    if (problems.size() > before || factory == null) {
      return null;
    }
    RuleConfig config = new RuleConfig(path, id, type, enforcement, severity, description, params, problems);
    ComplianceRule rule = null;
    try {
      rule = factory.create(config, context);
    } catch (InvalidValueException ex) {
      if (!config.hasProblems()) {
        String field = ex.field().split(" ")[0];
        String value = params.has(field) ? params.get(field).toString() : ex.value();
        problems.add(new PolicyProblem(config.paramPath(field), value, ex.expected()));
      }
    } catch (RuntimeException ex) {
      if (!config.hasProblems()) {
        problems.add(new PolicyProblem(path, params.toString(), "parameters rule type '" + type
            + "' accepts (its factory failed: " + ex + ")"));
      }
    }
    if (rule == null && !config.hasProblems()) {
      problems.add(new PolicyProblem(path, params.toString(), "a rule from the factory of '" + type + "', got none"));
    }
    config.reportUnknownParameters();
    if (rule != null && !rule.id().equals(id)) {
      problems.add(new PolicyProblem(path + ".id", "\"" + rule.id() + "\"", "the factory of '" + type
          + "' to create a rule with the configured id \"" + id + "\""));
    }
    return problems.size() > before ? null : rule;
  }

  private void checkKeys(JsonNode node, String path, Set<String> allowed) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!allowed.contains(key)) {
        problems.add(new PolicyProblem(child(path, key), node.get(key).toString(), "one of the keys "
            + new java.util.TreeSet<>(allowed)));
      }
    }
  }

  private String text(JsonNode node, String key, String path, String absent) {
    JsonNode v = node.get(key);
    if (v == null) {
      return absent;
    }
    if (!v.isTextual()) {
      problems.add(new PolicyProblem(child(path, key), v.toString(), "a string"));
      return absent;
    }
    return v.textValue();
  }

  private <E extends Enum<E>> E enumField(JsonNode node, String key, String path, Class<E> type, E absent) {
    JsonNode v = node.get(key);
    if (v == null) {
      return absent;
    }
    if (v.isTextual()) {
      for (E c : type.getEnumConstants()) {
        if (c.name().equalsIgnoreCase(v.textValue())) {
          return c;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E c : type.getEnumConstants()) {
      names.add(c.name());
    }
    problems.add(new PolicyProblem(child(path, key), v.toString(), "one of " + names));
    return absent;
  }

  static String sha256(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return java.util.HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
