/** JavaScript and TypeScript reserved words: never a class, function or variable name. */
export const JS_RESERVED = new Set(
  (
    "abstract any arguments as async await boolean break case catch class const constructor continue debugger declare " +
    "default delete do else enum eval export extends false finally for from function get if implements import in " +
    "infer instanceof interface is keyof let module namespace never new null number object of package private " +
    "protected public readonly require return satisfies set static string super switch symbol this throw true try " +
    "type typeof undefined unique unknown var void while with yield"
  ).split(" "),
);

/**
 * SQL reserved words (PostgreSQL's reserved key words, plus the statements SQLite
 * reserves): a table or column named so needs quoting in every raw query.
 */
export const SQL_RESERVED = new Set(
  (
    "all alter analyse analyze and any array as asc asymmetric both by case cast check collate column commit " +
    "constraint create cross current_catalog current_date current_role current_time current_timestamp " +
    "current_user default deferrable delete desc distinct do drop else end except exists false fetch for foreign " +
    "from grant group having in index initially inner insert intersect into is join key lateral leading left limit " +
    "localtime localtimestamp natural not null offset on only or order outer placing primary references returning " +
    "right rollback select session_user some symmetric system_user table then to trailing transaction true union " +
    "unique update user using values variadic view when where window with"
  ).split(" "),
);
