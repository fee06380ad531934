// SDK set-up snippets for the "integrate" step of app creation (spec §1.2, §1.3), with the
// app's app_id and the server's intake origin filled in. The reference server speaks DataKit's
// RUM protocol, so every Guance SDK reports to it as to a DataKit: its intake origin goes where
// Guance's guides put the DataKit URL. The snippets follow Guance's public access guides, named
// per platform below (https://docs.guance.com, source GuanceCloud/guance-docs).
import type { AppType } from './appTypes.js';

export type SnippetPlatform = Exclude<AppType, 'custom'>;

export type SnippetLanguage =
  | 'javascript'
  | 'typescript'
  | 'html'
  | 'vue'
  | 'kotlin'
  | 'groovy'
  | 'swift'
  | 'ruby'
  | 'dart'
  | 'yaml'
  | 'cpp'
  | 'shell';

/** `npm`, `cdn-async` and `cdn-sync` are the web's three loading modes; others have install + init. */
export type SnippetId = 'npm' | 'cdn-async' | 'cdn-sync' | 'install' | 'init';

export interface SdkSnippet {
  id: SnippetId;
  language: SnippetLanguage;
  /** Where the code goes, such as `app/build.gradle`; shown above it. */
  file?: string;
  code: string;
}

export interface SdkGuide {
  platform: SnippetPlatform;
  /** The SDK's package, as its package manager names it. */
  sdk: string;
  /** The public guide the snippets follow. */
  docsUrl: string;
  snippets: SdkSnippet[];
}

export interface SnippetContext {
  /** The app's app_id. */
  appId: string;
  /** Where SDKs send events: the reference server's origin, such as `https://rum.example.com`. */
  intakeOrigin: string;
  /** Where the CDN snippets load the browser SDK from. Default: jsDelivr's copy of the npm package. */
  sdkUrl?: string | undefined;
}

/** The browser SDK as the web snippets use it. */
export const WEB_SDK = {
  package: '@rumkit/browser',
  /** The package's API object (Guance's `datafluxRum`, which it also exports). */
  export: 'rumkit',
  /** The global the `<script>` build defines; it replays what the async loader queued. */
  global: 'RUMKIT',
  defaultCdnUrl: 'https://cdn.jsdelivr.net/npm/@rumkit/browser@0/dist/rumkit.js',
} as const;

/** The platform whose snippets an app type shows. Custom apps start with the web's. */
export function snippetPlatformOf(type: AppType): SnippetPlatform {
  return type === 'custom' ? 'web' : type;
}

// String literals for the languages used below. `$` starts interpolation in Kotlin, Groovy and
// Dart strings, so it is escaped there too.
const singleQuoted = (value: string) =>
  `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n')}'`;
const doubleQuoted = (value: string) => JSON.stringify(value);
const interpolatingQuoted = (value: string) => JSON.stringify(value).replace(/\$/g, '\\$');
const htmlAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The set-up guide for a platform, its snippets filled in. */
export function sdkGuide(platform: SnippetPlatform, context: SnippetContext): SdkGuide {
  const build = GUIDES[platform];
  return { platform, ...build(context) };
}

type GuideBuilder = (context: SnippetContext) => Omit<SdkGuide, 'platform'>;

const GUIDES: Record<SnippetPlatform, GuideBuilder> = {
  // The three loading modes of spec §1.3, for @rumkit/browser. The async loader is Guance's:
  // a stub that queues `onReady` callbacks until the script arrives.
  web: ({ appId, intakeOrigin, sdkUrl }) => {
    const url = sdkUrl ?? WEB_SDK.defaultCdnUrl;
    const g = WEB_SDK.global;
    const options = (indent: string) =>
      [
        `applicationId: ${singleQuoted(appId)},`,
        `datakitOrigin: ${singleQuoted(intakeOrigin)},`,
        `env: 'production',`,
        `version: '1.0.0',`,
        'sessionSampleRate: 100,',
        'trackUserInteractions: true,',
      ]
        .map((line) => `${indent}${line}`)
        .join('\n');
    return {
      sdk: WEB_SDK.package,
      docsUrl: 'https://docs.guance.com/en/real-user-monitoring/web/app-access/',
      snippets: [
        {
          id: 'npm',
          language: 'javascript',
          code: `// npm install ${WEB_SDK.package}\nimport { ${WEB_SDK.export} } from '${WEB_SDK.package}';\n\n${WEB_SDK.export}.init({\n${options('  ')}\n});\n`,
        },
        {
          id: 'cdn-async',
          language: 'html',
          code: `<script>
  (function (h, o, u, n, d) {
    h = h[d] = h[d] || { q: [], onReady: function (c) { h.q.push(c); } };
    d = o.createElement(u);
    d.async = 1;
    d.src = n;
    n = o.getElementsByTagName(u)[0];
    n.parentNode.insertBefore(d, n);
  })(window, document, 'script', ${singleQuoted(url)}, '${g}');
  window.${g}.onReady(function () {
    window.${g}.init({
${options('      ')}
    });
  });
</script>
`,
        },
        {
          id: 'cdn-sync',
          language: 'html',
          code: `<script src="${htmlAttribute(url)}"></script>
<script>
  window.${g} &&
    window.${g}.init({
${options('      ')}
    });
</script>
`,
        },
      ],
    };
  },

  // Guance's Android guide: docs.guance.com/en/real-user-monitoring/android/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/android/app-access.md).
  android: ({ appId, intakeOrigin }) => ({
    sdk: 'com.cloudcare.ft.mobile.sdk.tracker.agent:ft-sdk',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/android/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'groovy',
        file: 'build.gradle',
        code: `// Project build.gradle: Guance's Maven repository and the ft-plugin
buildscript {
    repositories {
        maven { url 'https://mvnrepo.jiagouyun.com/repository/maven-releases' }
    }
    dependencies {
        classpath 'com.cloudcare.ft.mobile.sdk.tracker.plugin:ft-plugin:[latest_version]'
    }
}
allprojects {
    repositories {
        maven { url 'https://mvnrepo.jiagouyun.com/repository/maven-releases' }
    }
}

// app/build.gradle
apply plugin: 'ft-plugin'
dependencies {
    implementation 'com.cloudcare.ft.mobile.sdk.tracker.agent:ft-sdk:[latest_version]'
    implementation 'com.google.code.gson:gson:2.8.5'
}
`,
      },
      {
        id: 'init',
        language: 'kotlin',
        file: 'DemoApplication.kt',
        code: `class DemoApplication : Application() {
    override fun onCreate() {
        super.onCreate()
        val config = FTSDKConfig.builder(${interpolatingQuoted(intakeOrigin)})
        FTSdk.install(config)

        FTSdk.initRUMWithConfig(
            FTRUMConfig()
                .setRumAppId(${interpolatingQuoted(appId)})
                .setEnableTraceUserAction(true)
                .setEnableTraceUserView(true)
                .setEnableTraceUserResource(true)
                .setEnableTrackAppCrash(true)
                .setEnableTrackAppANR(true)
        )
    }
}
`,
      },
    ],
  }),

  // Guance's iOS guide: docs.guance.com/en/real-user-monitoring/ios/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/ios/app-access.md).
  ios: ({ appId, intakeOrigin }) => ({
    sdk: 'FTMobileSDK',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/ios/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'ruby',
        file: 'Podfile',
        code: `target 'YourApp' do
  pod 'FTMobileSDK', '[latest_version]'
end
`,
      },
      {
        id: 'init',
        language: 'swift',
        file: 'AppDelegate.swift',
        code: `import FTMobileSDK

func application(_ application: UIApplication,
                 didFinishLaunchingWithOptions launchOptions: [UIApplication.LaunchOptionsKey: Any]?) -> Bool {
    let config = FTMobileConfig(datakitUrl: ${doubleQuoted(intakeOrigin)})
    FTMobileAgent.start(withConfigOptions: config)

    let rumConfig = FTRumConfig(appid: ${doubleQuoted(appId)})
    rumConfig.enableTraceUserAction = true
    rumConfig.enableTraceUserView = true
    rumConfig.enableTraceUserResource = true
    rumConfig.enableTrackAppCrash = true
    rumConfig.enableTrackAppFreeze = true
    FTMobileAgent.sharedInstance().startRum(withConfigOptions: rumConfig)
    return true
}
`,
      },
    ],
  }),

  // Guance's macOS guide: docs.guance.com/en/real-user-monitoring/macos/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/macos/app-access.md). It starts the
  // SDK in main.swift, before NSApplicationMain, so the first window is measured too.
  macos: ({ appId, intakeOrigin }) => ({
    sdk: 'FTMacOSSDK',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/macos/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'ruby',
        file: 'Podfile',
        code: `target 'YourApp' do
  pod 'FTMacOSSDK', '[latest_version]'
end
`,
      },
      {
        id: 'init',
        language: 'swift',
        file: 'main.swift',
        code: `import Cocoa
import FTMacOSSDK

let delegate = AppDelegate()
NSApplication.shared.delegate = delegate

let config = FTSDKConfig(datakitUrl: ${doubleQuoted(intakeOrigin)})
FTSDKAgent.start(withConfigOptions: config)

let rumConfig = FTRumConfig(appid: ${doubleQuoted(appId)})
rumConfig.enableTraceUserView = true
rumConfig.enableTraceUserAction = true
rumConfig.enableTraceUserResource = true
rumConfig.enableTrackAppCrash = true
FTSDKAgent.sharedInstance().startRum(withConfigOptions: rumConfig)

_ = NSApplicationMain(CommandLine.argc, CommandLine.unsafeArgv)
`,
      },
    ],
  }),

  // Guance's mini-program guide: docs.guance.com/en/real-user-monitoring/miniapp/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/miniapp/app-access.md).
  miniapp: ({ appId, intakeOrigin }) => ({
    sdk: '@cloudcare/rum-miniapp',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/miniapp/app-access/',
    snippets: [
      { id: 'install', language: 'shell', code: 'npm install @cloudcare/rum-miniapp\n' },
      {
        id: 'init',
        language: 'javascript',
        file: 'app.js',
        code: `const { datafluxRum } = require('@cloudcare/rum-miniapp');

datafluxRum.init({
  // Add this origin to the mini program's request allow-list in its admin console.
  datakitOrigin: ${singleQuoted(intakeOrigin)},
  applicationId: ${singleQuoted(appId)},
  env: 'production',
  version: '1.0.0',
  trackInteractions: true,
});
`,
      },
    ],
  }),

  // Guance's React Native guide: docs.guance.com/en/real-user-monitoring/react-native/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/react-native/app-access.md).
  react_native: ({ appId, intakeOrigin }) => ({
    sdk: '@cloudcare/react-native-mobile',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/react-native/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'shell',
        code: 'npm install @cloudcare/react-native-mobile\ncd ios && pod install\n',
      },
      {
        id: 'init',
        language: 'typescript',
        file: 'index.js',
        code: `import { FTMobileReactNative, FTReactNativeRUM } from '@cloudcare/react-native-mobile';

await FTMobileReactNative.sdkConfig({
  datakitUrl: ${singleQuoted(intakeOrigin)},
});
await FTReactNativeRUM.setConfig({
  androidAppId: ${singleQuoted(appId)},
  iOSAppId: ${singleQuoted(appId)},
  enableAutoTrackUserAction: true,
  enableAutoTrackError: true,
  enableNativeUserView: true,
  enableNativeUserResource: true,
});
`,
      },
    ],
  }),

  // Guance's Flutter guide: docs.guance.com/en/real-user-monitoring/flutter/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/flutter/app-access.md).
  flutter: ({ appId, intakeOrigin }) => ({
    sdk: 'ft_mobile_agent_flutter',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/flutter/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'yaml',
        file: 'pubspec.yaml',
        code: `dependencies:
  ft_mobile_agent_flutter: [latest_version]
`,
      },
      {
        id: 'init',
        language: 'dart',
        file: 'lib/main.dart',
        code: `import 'package:ft_mobile_agent_flutter/ft_mobile_agent_flutter.dart';

void main() async {
  WidgetsFlutterBinding.ensureInitialized();
  await FTMobileFlutter.sdkConfig(datakitUrl: ${interpolatingQuoted(intakeOrigin)});
  await FTRUMManager().setConfig(
    androidAppId: ${interpolatingQuoted(appId)},
    iOSAppId: ${interpolatingQuoted(appId)},
    enableUserResource: true,
    enableNativeUserAction: true,
  );
  FlutterError.onError = FTRUMManager().addFlutterError;
  runApp(MyApp());
}
`,
      },
    ],
  }),

  // Guance's UniApp guide: docs.guance.com/en/real-user-monitoring/uni-app/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/uni-app/app-access.md). The SDK is
  // the GCUniPlugin native plug-in, added under nativeplugins/ and chosen in manifest.json.
  uniapp: ({ appId, intakeOrigin }) => ({
    sdk: 'GCUniPlugin',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/uni-app/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'shell',
        code: `# Copy Hbuilder_Example/nativeplugins/GCUniPlugin into your project's nativeplugins/,
# then pick it under "App native plug-in configuration" in manifest.json.
git clone https://github.com/GuanceCloud/datakit-uniapp-native-plugin
`,
      },
      {
        id: 'init',
        language: 'vue',
        file: 'App.vue',
        code: `<script>
  const guanceModule = uni.requireNativePlugin('GCUniPlugin-MobileAgent');
  const rum = uni.requireNativePlugin('GCUniPlugin-RUM');
  export default {
    onLaunch() {
      guanceModule.sdkConfig({
        datakitUrl: ${singleQuoted(intakeOrigin)},
        env: 'production',
      });
      rum.setConfig({
        androidAppId: ${singleQuoted(appId)},
        iOSAppId: ${singleQuoted(appId)},
        errorMonitorType: 'all',
      });
    },
  };
</script>
`,
      },
    ],
  }),

  // Guance's C++ guide (Windows, Linux): docs.guance.com/en/real-user-monitoring/cpp/app-access/
  // (GuanceCloud/guance-docs docs/en/real-user-monitoring/cpp/app-access.md).
  cpp: ({ appId, intakeOrigin }) => ({
    sdk: 'datakit-sdk-cpp',
    docsUrl: 'https://docs.guance.com/en/real-user-monitoring/cpp/app-access/',
    snippets: [
      {
        id: 'install',
        language: 'shell',
        code: `git clone https://github.com/microsoft/vcpkg && cd vcpkg
curl -o vcpkg-configuration.json https://static.guance.com/ft-sdk-package/vcpkg_config/vcpkg-configuration.json
./bootstrap-vcpkg.sh
./vcpkg install datakit-sdk-cpp:x64-linux   # x64-windows on Windows
`,
      },
      {
        id: 'init',
        language: 'cpp',
        file: 'main.cpp',
        code: `#include "datakit-sdk-cpp/FTSDKFactory.h"

auto sdk = FTSDKFactory::get();
sdk->init();

FTSDKConfig gc;
gc.setServerUrl(${doubleQuoted(intakeOrigin)})
    .setEnv(EnvType::PROD);
sdk->install(gc);

FTRUMConfig rc;
rc.setRumAppId(${doubleQuoted(appId)});
sdk->initRUMWithConfig(rc);
`,
      },
    ],
  }),
};
