# A comment before the feature.
@constructs
Feature: Gherkin constructs
  Every construct the checklist may use.

  Background:
    Given the number 100

  # A comment between scenarios.
  @prod-safe @smoke
  Scenario: Background runs first
    Then the result is 100

  Scenario: A data table reaches the binding
    Given these users:
      | name  | role    |
      | alice | admin   |
      | bob   | manager |
    Then there are 2 users and "bob" is a manager

  Scenario: A doc string reaches the binding
    Given this text:
      """
      line one
      line two
      """
    Then the text has 2 lines

  Scenario Outline: Outline with two examples blocks
    When I add <n>
    Then the result is <sum>

    @prod-safe
    Examples: Small
      | n | sum |
      | 1 | 101 |
      | 2 | 102 |

    @slow
    Examples: Large
      | n    | sum  |
      | 1000 | 1100 |

  @ignore
  Scenario: An ignored scenario
    Then this step would fail

  @rules
  Rule: A rule with its own background
    Background:
      When I add 5

    Scenario: Both backgrounds ran
      Then the result is 105

    @prod-safe
    Scenario: A rule scenario tagged prod-safe
      When I add 1
      Then the result is 106
