@hooks
Feature: Hooks
  Reqnroll's hooks run around the scenario in their documented order.

  Scenario: Hooks run in order
    Given the hook log is recorded
    Then the hooks so far are "BeforeTestRun, BeforeFeature, BeforeScenario, BeforeStep, AfterStep, BeforeStep"
