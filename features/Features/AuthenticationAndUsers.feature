@authentication-and-users
Feature: Authentication and users
  Plan, Phase 5 "Authentication & Users": after the deployment people can join, sign in, and the admin and
  manager dashboards work on the environment under test (prod for the gate).

  @mutating @ui
  Scenario: A new user can register through an invitation link
    Given the admin has invited a new check user
    When the invitee opens the invitation link and registers
    Then the new user is signed in and sees the chat page
    And the new user can sign in with their new password

  @prod-safe @ui @smoke
  Scenario: An existing user can sign in on the sign-in page
    When the user signs in on the sign-in page
    Then the chat page is shown to the user

  @prod-safe @api
  Scenario: A wrong password is refused
    When someone tries to sign in as the user with a wrong password
    Then the sign-in is refused with the message "The email or password provided is incorrect. Please check for typos and try logging in again."

  @prod-safe @api
  Scenario: A pending user cannot use the app until approved
    When the pending user signs in through the API
    Then the sign-in says the account is pending
    And the pending user is refused their chat list

  @prod-safe @ui @smoke
  Scenario: The admin dashboard loads
    Given the admin is signed in in the browser
    When the admin opens the admin panel
    Then the users table lists the admin's own account with the role "admin"

  @prod-safe @ui
  Scenario: The User Management tab lists every user with their role
    Given the admin is signed in in the browser
    When the admin opens the admin panel
    Then the user count shown equals the number of users the API reports
    And the users table lists the manager with the role "manager"
    And the users table lists the user with the role "user"

  @mutating @ui
  Scenario: The admin can add a user in User Management
    Given the admin is signed in in the browser
    When the admin adds a new check user with the role "user" in the Add User dialog
    Then the new check user is listed with the role "user"

  @prod-safe @ui @smoke
  Scenario: The manager dashboard loads for a manager
    Given the manager is signed in in the browser
    When the manager opens the manager dashboard
    Then the manager dashboard is shown without an error
