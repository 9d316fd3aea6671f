@outcomes
Feature: Outcomes
  Scenarios that must fail the gate.

  Scenario: A failing step
    Given the number 1
    Then the result is 2

  Scenario: An undefined step
    Given a step nobody wrote yet

  Scenario: A pending step
    Given a step that is still pending
