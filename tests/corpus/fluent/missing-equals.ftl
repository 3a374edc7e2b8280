# expect: missing-equals.ftl:4:10: Fluent syntax error: Expected a token starting with "="
# A message whose "=" was forgotten.
greeting = Hej och välkommen
farewell Hej då
