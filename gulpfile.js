const { src, dest } = require('gulp');

// tsc emits only code and the codex JSON files; the icons the nodes and the credential point
// at (file:../../icons/…) have to be copied into dist beside them.
function buildIcons() {
	return src('icons/**/*.{png,svg}').pipe(dest('dist/icons'));
}

exports['build:icons'] = buildIcons;
