package dev.parapet.compliance.policy;

import java.util.List;

/**
 * Thrown when a policy is refused: it lists every problem found, each naming the JSON path, the value
 * and what was expected. A refused policy never replaces the one in force.
 */
public final class PolicyException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final transient List<PolicyProblem> problems;

  /**
   * Creates the exception.
   *
   * @param source where the policy came from (a file name, or {@code policy})
   * @param problems the problems, at least one
   */
  public PolicyException(String source, List<PolicyProblem> problems) {
    super(message(source, problems));
    this.problems = List.copyOf(problems);
  }

  private static String message(String source, List<PolicyProblem> problems) {
    StringBuilder sb = new StringBuilder(source).append(" refused: ").append(problems.size())
        .append(problems.size() == 1 ? " problem" : " problems");
    for (PolicyProblem p : problems) {
      sb.append("\n  ").append(p);
    }
    return sb.toString();
  }

  /** Returns every problem found, in document order. */
  public List<PolicyProblem> problems() {
    return problems;
  }
}
