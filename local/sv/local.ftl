# Demo organisation's own wording (Swedish). Each message replaces Fyr's built-in text with the
# same id; `fyr texts --lang sv` shows every id and its current text.
start-greeting = Hej { $name }! Det här är Fyr, Demoorganisationens stöd för dig som har blivit hotad, trakasserad eller angripen av någon du möter i jobbet. Vi tar en fråga i taget.
