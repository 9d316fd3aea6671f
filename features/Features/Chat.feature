@chat
Feature: Chat
  Plan, Phase 5 "Chat Functionality": a user can start a chat, send messages, find the chat again, and the models
  load.

  @prod-safe @api @smoke
  Scenario: Models load correctly
    When the user asks for the available models
    Then at least one model is available

  @prod-safe @ui
  Scenario: The model selector offers the models the API lists
    Given the user is signed in in the browser
    When the user opens the chat page
    Then the model selector offers exactly the models the API lists

  @mutating @ui
  Scenario: A user can create a new chat and send a message
    Given the user is signed in in the browser
    When the user opens the chat page
    And the user sends a check message in a new chat
    Then the message and the model's reply are shown
    And the chat is saved in the user's chat history

  @mutating @ui
  Scenario: A user can reopen a chat from the chat history
    Given the user has a saved check chat
    And the user is signed in in the browser
    When the user opens the chat page
    And the user opens the check chat from the chat history
    Then the check chat's messages are shown

  @prod-safe @ui
  Scenario: The chat history lists the user's chats
    Given the user is signed in in the browser
    When the user opens the chat page
    Then the chat history lists the user's chats as the API does
