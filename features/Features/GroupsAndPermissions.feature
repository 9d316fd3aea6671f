@groups-and-permissions
Feature: Groups and permissions
  Plan, Phase 5 "Groups & Permissions": managers see the groups they manage and their members, and nothing else;
  admins see every group.

  @prod-safe @ui
  Scenario: A manager can view the groups they manage
    Given the manager is signed in in the browser
    When the manager opens the manager dashboard
    Then the dashboard lists the groups the manager manages

  @prod-safe @ui
  Scenario: A manager can see the members of their groups
    Given the manager is signed in in the browser
    When the manager opens the manager dashboard
    Then every managed group shows the same members as the API

  @prod-safe @api
  Scenario: Managers can only see their groups
    When the manager asks for the groups they manage
    Then only the manager's own groups are returned
    And the manager is refused the members of a group they do not manage

  @prod-safe @api @ssh
  Scenario: Admins can see all groups
    When the admin asks for all groups
    Then every group in the database of the environment under test is returned

  @prod-safe @ui
  Scenario: The admin's groups page lists every group
    Given the admin is signed in in the browser
    When the admin opens the groups page
    Then every group the API knows is listed on the page
