// What the logged-in user may do, as the platform's permission matrix told the console at login.
// Only for showing and hiding: every request is checked again by the platform.
export function can(session, permission) {
  return (session.permissions || []).includes(permission);
}
