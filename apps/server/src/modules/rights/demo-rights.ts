export async function seedDemoRights(): Promise<void> {}
