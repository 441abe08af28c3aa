export default definePageConfig({ navigationBarTitleText: '改造公示栏', enableShareAppMessage: true });
