export class TokenJson {
  token!: string;
}
