@reporting
Feature: Reporting
  Output, attachments and secrets in the report.

  Scenario: Output and attachments reach the report
    Given the output helper writes "hello from the output helper"
    And a screenshot is attached
    And a trace file is linked

  Scenario: A secret never reaches any output
    Given the sample secret is written to the console and the output helper
    And the sample secret is attached as a text file
    And a log file holding the sample secret is linked
    Then a step fails with the sample secret in its message
