Feature: Calculator
  A second feature with the same title in another folder: it must get its own fixture.

  Scenario: Add two numbers
    Given the number 10
    When I add 20
    Then the result is 30
