@calculator
Feature: Calculator
  Adds numbers the way a person does.

  Scenario: Add two numbers
    Given the number 2
    When I add 3
    Then the result is 5

  @prod-safe
  Scenario Outline: Add many numbers
    Given the number <a>
    When I add <b>
    Then the result is <sum>

    Examples:
      | a | b | sum |
      | 1 | 1 | 2   |
      | 2 | 5 | 7   |
