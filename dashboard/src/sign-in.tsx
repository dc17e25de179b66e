import { useState, type FormEvent } from "react";
import { useSignIn } from "./session";
import { fieldError, FormError, TextField } from "./ui/form";

const FIELDS = ["email", "password"];

/** The first screen: email and password, `POST /admin/auth` (the session cookie). */
export function SignIn() {
  const signIn = useSignIn();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    signIn.mutate({ email, password });
  };
  return (
    <main className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Sign in to Kiosk</h1>
        <FormError error={signIn.error} fields={FIELDS} />
        <TextField label="Email" name="email" type="email" autoComplete="username" value={email} onChange={setEmail} required error={fieldError(signIn.error, "email", FIELDS)} />
        <TextField label="Password" name="password" type="password" autoComplete="current-password" value={password} onChange={setPassword} required error={fieldError(signIn.error, "password", FIELDS)} />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </main>
  );
}
