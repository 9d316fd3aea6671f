@logs
Feature: Logs
  Plan, Phase 5 "Logs": the fork's logs page reads log sources whose passwords are encrypted with
  DATABASE_PASSWORD_ENCRYPTION_KEY. A key that differs from the one the copied database was written with makes it
  fail ("Failed to decrypt password"); two different definitions of the key make it fail at random.

  @prod-safe @ui @smoke
  Scenario: The logs page loads
    Given the admin is signed in in the browser
    When the admin opens the logs page
    Then log lines are shown without an error

  @prod-safe @api @ui
  Scenario: Logs display consistently with no random failures
    Given the admin is signed in in the browser
    When the admin loads the logs repeatedly
    Then every load succeeds with the same lines
    When the admin opens the logs page
    Then the logs page shows the same lines on every reload

  @prod-safe @api @ssh
  Scenario: No "Failed to decrypt password" errors in the backend log after reading logs
    When the admin loads the logs repeatedly
    Then the backend log of the environment under test has no "Failed to decrypt password" since the backend started

  @prod-safe @ui
  Scenario: Logs can be filtered by level
    Given the admin is signed in in the browser
    And the admin opens the logs page
    When the admin filters the logs by the level of the newest log line
    Then every log line shown has that level

  @prod-safe @ui
  Scenario: Logs can be searched
    Given the admin is signed in in the browser
    And the admin opens the logs page
    When the admin searches the logs for a word of the newest log line
    Then every log line shown contains that word
