# expect: no-value.ftl:3:1: Fluent syntax error: Expected a message field for "empty"
# A message with an id and nothing else.
empty =
next = Nästa
