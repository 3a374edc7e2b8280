# expect: stray-brace.ftl:4:16: Fluent syntax error: Unbalanced closing brace (and 1 more error)
# A closing brace with no opening one; the error after it is counted too.
ok = Fint
broken = Klart } nu
also = { 
