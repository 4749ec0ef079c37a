/** The English strings take the shape of the Chinese ones: every key there, each a string. */
export type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };
