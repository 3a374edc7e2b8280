# expect: duplicate-id.ftl: Attempt to override an existing message: "greeting".
# The same id twice: the second would silently replace the first.
greeting = Hej
greeting = Hej igen
