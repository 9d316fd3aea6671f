@parallel
Feature: Parallel left
  Runs at the same time as "Parallel right"; each keeps its own scenario state.

  Scenario: Left holds its own value while right runs
    Given my scenario value is "left"
    When the other parallel feature is running at the same time
    Then my scenario value is still "left"
