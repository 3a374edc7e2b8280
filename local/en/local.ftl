# Demo organisation's own wording (English).
start-greeting = Hi { $name }! This is Fyr, the Demo organisation's support for staff who have been threatened, harassed or attacked by someone they meet at work. We'll take one question at a time.
