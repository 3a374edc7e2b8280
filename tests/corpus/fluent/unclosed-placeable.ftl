# expect: unclosed-placeable.ftl:3:
# A variable whose closing brace is missing.
hello = Hej { $name, hur mår du?
