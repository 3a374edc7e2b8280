# expect: no-default-variant.ftl:7:1:
# expect: The select expression must have a default variant
# A plural without the default (*) variant.
items = { $count ->
    [one] ett ärende
    [other] { $count } ärenden
}
