@parallel
Feature: Parallel right
  Runs at the same time as "Parallel left"; each keeps its own scenario state.

  Scenario: Right holds its own value while left runs
    Given my scenario value is "right"
    When the other parallel feature is running at the same time
    Then my scenario value is still "right"
